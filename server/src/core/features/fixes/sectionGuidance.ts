/**
 * Removes all the template's guidance left in one section at once: the fix of a
 * `template-text` finding, which lists the section's guidance lines in its data. Blank lines
 * around what is removed collapse to one, so the section keeps its shape.
 *
 * The section may then be empty: that warning is the next step the author is shown (write
 * the section), so it is the one new finding the fix may cause. A fix that would cause any
 * other warning or error (an entry losing a required field) is not offered.
 */
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../analyze.ts';
import { checkDocument } from '../../check.ts';
import { parseDocument } from '../../parse/document.ts';
import type { DocModel } from '../../types.ts';
import { applyEdits } from '../edits.ts';
import { eolOf } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';

function serious(d: Diagnostic): boolean {
  return d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning;
}

/** Whether the edits add no warning or error but the section's own emptiness. */
function addsOnlyEmptiness(context: FixContext, edits: readonly TextEdit[]): boolean {
  const after = checkDocument(analyze(parseDocument(applyEdits(context.analysis.model.text, edits)), context.analysis.schema), { severity: context.severity });
  const count = (list: readonly Diagnostic[]): Map<string, number> => {
    const out = new Map<string, number>();
    for (const d of list) if (serious(d) && d.code !== 'empty-section') out.set(String(d.code), (out.get(String(d.code)) ?? 0) + 1);
    return out;
  };
  const before = count(context.all);
  for (const [code, n] of count(after)) if (n > (before.get(code) ?? 0)) return false;
  const empties = (list: readonly Diagnostic[]): number => list.filter((d) => d.code === 'empty-section').length;
  return empties(after) <= empties(context.all) + 1;
}

function blank(model: DocModel, line: number): boolean {
  return model.lines[line] !== undefined && model.lines[line].trim() === '';
}

/**
 * Whole-line deletions of `lines`. Each stretch of removed and blank lines becomes one blank
 * line between text, and nothing at the start or the end of the document.
 */
export function removeLines(model: DocModel, lines: readonly number[]): TextEdit[] {
  const removed = new Set(lines);
  const eol = eolOf(model);
  const edits: TextEdit[] = [];
  const last = model.lines.length - 1;
  for (let line = 0; line <= last; line++) {
    if (!removed.has(line)) continue;
    let start = line;
    while (start > 0 && blank(model, start - 1)) start--;
    let end = line;
    while (end < last && (removed.has(end + 1) || blank(model, end + 1))) end++;
    if (start > 0 && end < last) {
      edits.push({ range: { start: { line: start, character: 0 }, end: { line: end + 1, character: 0 } }, newText: eol });
    } else if (end < last) {
      edits.push({ range: { start: { line: 0, character: 0 }, end: { line: end + 1, character: 0 } }, newText: '' });
    } else if (start > 0) {
      // To the end of the document: the text before keeps its line break if the document ended with one.
      const range = { start: { line: start - 1, character: model.lines[start - 1].length }, end: { line: end, character: model.lines[end].length } };
      edits.push({ range, newText: model.lines[last] === '' ? eol : '' });
    } else {
      edits.push({ range: { start: { line: 0, character: 0 }, end: { line: end, character: model.lines[end].length } }, newText: '' });
    }
    line = end;
  }
  return edits;
}

export function removeSectionGuidance(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'template-text');
  if (!data || data.lines.length === 0) return [];
  const { model } = context.analysis;
  if (data.lines.some((line) => line < 0 || line >= model.lines.length)) return [];
  const edits = removeLines(model, data.lines);
  if (!addsOnlyEmptiness(context, edits)) return [];
  const count = data.lines.length;
  const title = count === 1 ? 'Remove the template guidance line' : `Remove the template guidance from this section (${count} lines)`;
  return [{ kind: 'remove-template-line', title, edits, diagnostics: [diagnostic] }];
}
