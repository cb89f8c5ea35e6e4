/**
 * Completion inside a section's body: the values of a typed field (`**Status**: `), the
 * fields an entry still lacks, and a new entry of the kinds the section holds.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { Analysis, EntryKindSpec } from '../types.ts';
import { entryAt, entryKindOf, headingAt, isBlank, missingFields, sectionOf } from './shared.ts';
import { escapeSnippet, placeholderPattern, snippetLine, TabStops } from './snippet.ts';
import type { CompletionOptions } from './completion.ts';

const FIELD_PREFIX = /^(\s{0,3}(?:\*\*|__)([^*_:]+?)(?::(?:\*\*|__)|(?:\*\*|__):)[ \t]*)/;
const PARTIAL_FIELD = /^\s*(?:(?:[-*+]|\d+[.)])(?:\s+\S*)?)?$/;
const LIST_FIELD_LINE = /^(\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|__)?[^\s*_:][^*_:]*(?:(?:\*\*|__):|:(?:\*\*|__)?)\s*)(\S.*)$/;
const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** `**Status**: ` offers the enumeration's values; a date field offers today's date. */
export function fieldValueCompletions(analysis: Analysis, position: Position, options: CompletionOptions): CompletionItem[] {
  const line = analysis.model.lines[position.line];
  const prefix = FIELD_PREFIX.exec(line);
  if (!prefix || position.character < prefix[1].length) return [];
  const label = prefix[2].trim().toLowerCase();
  const field = analysis.schema.typedFields.find((f) => f.label.toLowerCase() === label);
  if (!field) return [];
  const range: Range = {
    start: { line: position.line, character: prefix[1].length },
    end: { line: position.line, character: line.trimEnd().length },
  };
  if (range.end.character < range.start.character) range.end = range.start;
  const values = field.kind === 'date' ? [options.today] : (field.values ?? []);
  return values.map((value, i) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    detail: field.kind === 'date' ? 'Today' : `${field.label}`,
    preselect: i === 0 || undefined,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: value },
  }));
}

/** On a blank or half-typed list line of an entry, its missing fields; on a blank line, new entries. */
export function entryCompletions(analysis: Analysis, position: Position, options: CompletionOptions): CompletionItem[] {
  const { model } = analysis;
  const line = model.lines[position.line];
  const items: CompletionItem[] = [];
  const entry = entryAt(model, position.line);
  const kind = entry && entry.line < position.line ? entryKindOf(analysis, entry) : undefined;
  if (entry && kind && PARTIAL_FIELD.test(line.slice(0, position.character)) && line.slice(position.character).trim() === '') {
    const range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: line.length } };
    missingFields(kind, entry).forEach((field, i) => {
      const text = entry.bullet + field.line.replace(BULLET, '');
      const parts = LIST_FIELD_LINE.exec(text);
      const newText = options.snippets && parts ? escapeSnippet(parts[1]) + new TabStops().stop(parts[2]) : text;
      items.push({
        label: field.name,
        kind: CompletionItemKind.Field,
        detail: field.required ? `Required field of ${kind.label}` : `Field of ${kind.label}`,
        documentation: field.guidance || undefined,
        sortText: `0${String(i).padStart(4, '0')}`,
        filterText: text,
        insertTextFormat: options.snippets && parts ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range, newText },
      });
    });
  }
  if (line.trim() === '') items.push(...newEntryItems(analysis, position.line, options));
  return items;
}

function newEntryItems(analysis: Analysis, line: number, options: CompletionOptions): CompletionItem[] {
  const { model } = analysis;
  const section = sectionOf(analysis, headingAt(model, line));
  if (!section || section.entryKinds.length === 0) return [];
  const before = isBlank(model, line - 1) ? '' : '\n';
  const after = isBlank(model, line + 1) ? '' : '\n';
  const range = { start: { line, character: 0 }, end: { line, character: model.lines[line].length } };
  return section.entryKinds.map((kind, i) => {
    const body = options.snippets ? entrySnippet(analysis, kind, options.today) : kind.skeleton;
    return {
      label: `New ${kind.label}`,
      kind: CompletionItemKind.Snippet,
      detail: kind.title,
      documentation: kind.skeleton,
      sortText: `1${String(i).padStart(4, '0')}`,
      filterText: '',
      insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: before + body + after },
    };
  });
}

/**
 * An entry skeleton with tab stops: on the title (its placeholders, or its whole text when it
 * has none) and on each field's guidance after its label.
 */
function entrySnippet(analysis: Analysis, kind: EntryKindSpec, today: string): string {
  const { schema } = analysis;
  const stops = new TabStops();
  const pattern = placeholderPattern(schema);
  return kind.skeleton
    .split('\n')
    .map((text, i) => {
      if (i === 0) {
        const title = splitBoldTitle(text);
        if (!title) return snippetLine(text, schema, today, stops, pattern);
        const inner = snippetLine(title[2], schema, today, stops, pattern);
        const hasStops = inner !== escapeSnippet(title[2]);
        return escapeSnippet(title[1]) + (hasStops ? inner : stops.stop(title[2])) + escapeSnippet(title[3]);
      }
      const field = LIST_FIELD_LINE.exec(text);
      return field ? escapeSnippet(field[1]) + stops.stop(field[2]) : snippetLine(text, schema, today, stops, pattern);
    })
    .join('\n');
}

/** `**Title** rest` → [whole, `**`, `Title`, `** rest`]: the first closing marker after at least one character. */
function splitBoldTitle(text: string): [string, string, string, string] | undefined {
  const open = /^\s*(?:\*\*|__)/.exec(text)?.[0];
  if (open === undefined) return undefined;
  for (let i = open.length + 1; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    if (pair === '**' || pair === '__') return [text, open, text.slice(open.length, i), text.slice(i)];
  }
  return undefined;
}
