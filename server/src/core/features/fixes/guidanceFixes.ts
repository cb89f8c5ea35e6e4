/**
 * Removing a line of template guidance left unchanged. Removing a line can leave a section
 * empty, take a required field from an entry, or join the lines around it into a heading or a
 * table; the fix is offered only where none of that can happen.
 *
 * Editors ask for code actions each time the cursor rests, and for every diagnostic in a
 * selection; checking the edited document again per line made a selected 127 KB document
 * take 45 s. So the verdict is decided from the analysis, for every line at once, once per
 * analysis: which sections would be left with nothing, which lines are entry titles, required
 * fields, table headers, typed fields or parts of a heading.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { Analysis, DocModel } from '../../types.ts';
import { headingAt, isBlank } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';

/** Lines whose removal changes more than the line: 1 where a template line must stay. */
const kept = new WeakMap<Analysis, Uint8Array>();

function keptLines(a: Analysis): Uint8Array {
  let out = kept.get(a);
  if (out) return out;
  const { model } = a;
  out = new Uint8Array(model.lines.length);
  model.entries.forEach((entry, i) => {
    out![entry.line] = 1;
    const kind = a.entryKinds[i];
    for (const field of entry.fields) {
      if (kind?.fields.some((f) => f.required && f.name.toLowerCase() === field.name.toLowerCase())) out![field.line] = 1;
    }
  });
  for (const table of model.tables) out.fill(1, table.headerLine, Math.min(table.headerLine + 2, table.endLine));
  for (const field of model.fieldLines) out[field.line] = 1;
  for (const h of model.headings) out.fill(1, h.line, h.range.end.line + 1);
  kept.set(a, out);
  return out;
}

/** Non-blank lines before each line, to count a section's content in constant time. */
const counts = new WeakMap<Analysis, Uint32Array>();

function nonBlankBefore(a: Analysis): Uint32Array {
  let out = counts.get(a);
  if (out) return out;
  const { lines } = a.model;
  out = new Uint32Array(lines.length + 1);
  for (let line = 0; line < lines.length; line++) out[line + 1] = out[line] + (lines[line].trim() === '' ? 0 : 1);
  counts.set(a, out);
  return out;
}

/** Whether every section holding `line` keeps some other line of content without it. */
function sectionsKeepContent(a: Analysis, line: number): boolean {
  const before = nonBlankBefore(a);
  for (let i = headingAt(a.model, line); i >= 0; i = a.parents[i]) {
    const h = a.model.headings[i];
    const body = before[Math.min(a.ends[i], a.model.lines.length)] - before[h.range.end.line + 1];
    if (body < 2) return false;
  }
  return true;
}

/** A setext underline or a table delimiter row, which would join the line before the removed one. */
function joinsAbove(model: DocModel, line: number): boolean {
  return !isBlank(model, line - 1) && /^[\s=|:-]+$/.test(model.lines[line + 1] ?? '');
}

function removable(a: Analysis, line: number): boolean {
  return !keptLines(a)[line] && !joinsAbove(a.model, line) && sectionsKeepContent(a, line);
}

/** Removes a line; when blank lines stand on both sides, one of them goes too. */
function removeLine(model: DocModel, line: number): TextEdit {
  const from = line > 0 && isBlank(model, line - 1) && isBlank(model, line + 1) ? line - 1 : line;
  if (line + 1 < model.lines.length) return { range: { start: { line: from, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const start = from > 0 ? { line: from - 1, character: model.lines[from - 1].length } : { line: from, character: 0 };
  return { range: { start, end: { line, character: model.lines[line].length } }, newText: '' };
}

export function removeTemplateLine(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const line = diagnostic.range.start.line;
  if (!dataOf(diagnostic, 'template-text') || !removable(context.analysis, line)) return [];
  return [{ kind: 'remove-template-line', title: 'Remove unchanged template line', edits: [removeLine(context.analysis.model, line)], diagnostics: [diagnostic] }];
}
