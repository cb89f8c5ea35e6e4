/**
 * Completion: template sections on heading lines, values of typed fields, an entry's missing
 * fields and new entries. Which one applies is decided by the line the cursor is on.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver-types';
import type { Analysis, SchemaSection } from '../types.ts';
import { sectionSkeleton } from '../template/render.ts';
import { entryCompletions, fieldValueCompletions } from './completionEntries.ts';
import { headingAt, isBlank, sectionOf } from './shared.ts';
import { escapeSnippet, templateSnippet, TabStops } from './snippet.ts';

export interface CompletionOptions {
  /** ISO date inserted for date fields and placeholders. */
  readonly today: string;
  /** Insert the section's skeleton after its heading (`archdoc.completion.insertSkeleton`). */
  readonly insertSkeleton: boolean;
  /** Whether the client accepts snippets; plain text is inserted otherwise. */
  readonly snippets: boolean;
}

const HEADING_PREFIX = /^ {0,3}(#{1,6})(?:[ \t].*)?$/;

export function completion(analysis: Analysis, position: Position, options: CompletionOptions): CompletionItem[] {
  const { model } = analysis;
  const text = model.lines[position.line];
  if (text === undefined) return [];
  const before = text.slice(0, position.character);
  const heading = HEADING_PREFIX.exec(before);
  if (heading && !model.fenceContent[position.line]) return headingCompletions(analysis, position.line, heading[1].length, options);
  if (model.codeLines[position.line]) return [];
  return [...fieldValueCompletions(analysis, position, options), ...entryCompletions(analysis, position, options)];
}

/** The template section whose children may stand at `level` on `line`, or undefined. */
function parentSectionFor(analysis: Analysis, line: number, level: number): SchemaSection | undefined {
  const { model, schema } = analysis;
  let h = headingAt(model, line);
  if (h >= 0 && model.headings[h].line === line) h = model.headings[h].parent;
  while (h >= 0 && model.headings[h].level >= level) h = model.headings[h].parent;
  if (h < 0) {
    const topLevel = schema.byId.get(schema.root.childIds[0] ?? '')?.level ?? 2;
    return level === topLevel ? schema.root : undefined;
  }
  return sectionOf(analysis, h) ?? (model.headings[h].level === 1 && schema.root.title !== '' ? schema.root : undefined);
}

function headingCompletions(analysis: Analysis, line: number, level: number, options: CompletionOptions): CompletionItem[] {
  const { model, schema } = analysis;
  const parent = parentSectionFor(analysis, line, level);
  if (!parent) return [];
  const own = headingAt(model, line);
  const onHeading = own >= 0 && model.headings[own].line === line ? own : -1;
  const candidates = parent.childIds
    .map((id) => schema.byId.get(id))
    .filter((s): s is SchemaSection => s !== undefined && s.level === level)
    .filter((s) => !analysis.present.has(s.id) || analysis.present.get(s.id) === onHeading);
  if (candidates.length === 0) return [];
  const next = nextExpected(analysis, line, parent, candidates);
  return candidates.map((section, order) => headingItem(analysis, section, line, order, section === next, options));
}

/** The first absent section after the last sibling that stands before `line`, required ones preferred. */
function nextExpected(analysis: Analysis, line: number, parent: SchemaSection, candidates: SchemaSection[]): SchemaSection {
  let after = -1;
  for (const [id, index] of analysis.present) {
    const section = analysis.schema.byId.get(id);
    if (section?.parentId === parent.id && analysis.model.headings[index].line < line) after = Math.max(after, section.index);
  }
  const later = candidates.filter((s) => s.index > after);
  return later.find((s) => !s.optional) ?? later[0] ?? candidates.find((s) => !s.optional) ?? candidates[0];
}

function headingItem(
  analysis: Analysis,
  section: SchemaSection,
  line: number,
  order: number,
  preselect: boolean,
  options: CompletionOptions,
): CompletionItem {
  const { model, schema } = analysis;
  const heading = `${'#'.repeat(section.level)} ${section.title}`;
  const lineText = model.lines[line];
  const trailing = isBlank(model, line + 1) ? '' : '\n';
  let newText: string;
  let snippet = false;
  if (!options.insertSkeleton) {
    newText = options.snippets ? escapeSnippet(heading) : heading;
    snippet = options.snippets;
  } else if (options.snippets) {
    newText = escapeSnippet(heading) + skeletonSnippet(analysis, section, options.today) + trailing + '$0';
    snippet = true;
  } else {
    newText = sectionSkeleton(schema, section, { today: options.today, omit: presentIn(analysis) }).replace(/^[^\n]*/, heading) + trailing;
  }
  return {
    label: section.title,
    kind: CompletionItemKind.Module,
    detail: section.optional ? 'Optional section' : analysis.missing.includes(section) ? 'Missing section' : 'Section',
    documentation: section.guidance ? { kind: MarkupKind.Markdown, value: section.guidance } : undefined,
    preselect: preselect || undefined,
    sortText: `${preselect ? 0 : 1}${String(order).padStart(4, '0')}`,
    filterText: heading,
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: { start: { line, character: 0 }, end: { line, character: lineText.length } }, newText },
  };
}

/** Subsections the document already has, which an inserted skeleton leaves out. */
function presentIn(analysis: Analysis): (section: SchemaSection) => boolean {
  return (section) => analysis.present.has(section.id);
}

/** The lines under the heading, as a snippet; with no placeholder, the first guidance line is selected. */
function skeletonSnippet(analysis: Analysis, section: SchemaSection, today: string): string {
  const skeleton = sectionSkeleton(analysis.schema, section, { today, omit: presentIn(analysis), keepPlaceholders: true });
  const body = skeleton.replace(/\n$/, '').split('\n').slice(1).join('\n');
  if (body.trim() === '') return '';
  const stops = new TabStops();
  const snippet = templateSnippet(body, analysis.schema, today, stops);
  if (stops.used > 0) return '\n' + snippet;
  const lines = body.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '' && !/^\s*(#|```|~~~|\||\()/.test(l));
  if (first < 0) return '\n' + snippet;
  const marker = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?/.exec(lines[first])?.[0] ?? '';
  const rest = lines[first].slice(marker.length);
  const parts = lines.map(escapeSnippet);
  parts[first] = escapeSnippet(marker) + new TabStops().stop(rest);
  return '\n' + parts.join('\n');
}
