/**
 * Fixes on whole lines: add an entry's missing fields, pad or trim a table row to its
 * header's width, remove a line of template text left unchanged.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DocModel } from '../../types.ts';
import { insertLines, isBlank } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';
import { keepsDocumentClean } from './verify.ts';

export function addMissingField(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'missing-field');
  if (!data) return [];
  const { model } = context.analysis;
  const fixes: Fix[] = [{ title: `Add field "${data.field}"`, edits: [insertLines(model, data.insertAt.line, data.text)], diagnostics: [diagnostic], preferred: true }];
  const siblings = context.all.filter((d) => d.range.start.line === diagnostic.range.start.line && dataOf(d, 'missing-field'));
  if (siblings.length > 1) {
    const byLine = new Map<number, string>();
    for (const d of siblings) {
      const s = dataOf(d, 'missing-field');
      if (s) byLine.set(s.insertAt.line, (byLine.get(s.insertAt.line) ?? '') + s.text.replace(/\n?$/, '\n'));
    }
    const edits = [...byLine].map(([line, text]) => insertLines(model, line, text));
    fixes.push({ title: `Add all ${siblings.length} missing fields`, edits, diagnostics: siblings });
  }
  return fixes;
}

/** Offsets of the pipes that separate or enclose cells, with `\|` not counted, as GFM splits cells. */
function pipes(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') out.push(i);
  }
  return out;
}

function resizeRow(line: string, expected: number, actual: number): string | undefined {
  const trimmed = line.trimEnd();
  const positions = pipes(trimmed);
  const leading = trimmed.trimStart().startsWith('|');
  const trailing = positions.length > 0 && positions[positions.length - 1] === trimmed.length - 1 && trimmed.length > 1;
  if (expected > actual) return (trailing ? trimmed : trimmed + ' |') + '  |'.repeat(expected - actual);
  // The pipe that closes cell `expected`: after the leading pipe, if any, there is one per cell.
  const closing = positions[expected - (leading ? 0 : 1)];
  return closing === undefined ? undefined : trimmed.slice(0, closing + 1);
}

export function resizeTableRow(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'table-columns');
  if (!data || data.expected < 1) return [];
  const { model } = context.analysis;
  const line = diagnostic.range.start.line;
  const row = resizeRow(model.lines[line] ?? '', data.expected, data.actual);
  if (row === undefined) return [];
  const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: model.lines[line].length } }, newText: row };
  const count = Math.abs(data.expected - data.actual);
  const title = data.expected > data.actual ? `Add ${count} empty cell${count === 1 ? '' : 's'}` : `Remove the last ${count} cell${count === 1 ? '' : 's'}`;
  return [{ title, edits: [edit], diagnostics: [diagnostic], preferred: data.expected > data.actual }];
}

/** Removes a line; when blank lines stand on both sides, one of them goes too. */
function removeLine(model: DocModel, line: number): TextEdit {
  const from = line > 0 && isBlank(model, line - 1) && isBlank(model, line + 1) ? line - 1 : line;
  if (line + 1 < model.lines.length) return { range: { start: { line: from, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const start = from > 0 ? { line: from - 1, character: model.lines[from - 1].length } : { line: from, character: 0 };
  return { range: { start, end: { line, character: model.lines[line].length } }, newText: '' };
}

/**
 * Removing guidance can leave a section empty or an entry without a required field; the
 * fix is offered only when the document stays free of new warnings.
 */
export function removeTemplateLine(context: FixContext, diagnostic: Diagnostic): Fix[] {
  if (!dataOf(diagnostic, 'template-text')) return [];
  const edits = [removeLine(context.analysis.model, diagnostic.range.start.line)];
  if (!keepsDocumentClean(context, diagnostic, edits)) return [];
  return [{ title: 'Remove unchanged template line', edits, diagnostics: [diagnostic] }];
}
