/**
 * Removes all the template's guidance left in one section at once: the fix of a
 * `template-text` finding, which lists the section's guidance lines in its data. Blank lines
 * around what is removed collapse to one, so the section keeps its shape.
 *
 * The section may then be empty: that warning is the next step the author is shown (write
 * the section), so it is the one new finding the fix may cause. A fix that would cause any
 * other warning or error (an entry losing a required field) is not offered.
 *
 * Checking each fix by re-checking the edited document would cost a full check per section
 * with guidance left: quadratic in a document that still holds the template's guidance
 * everywhere (a whole-document selection of 128 KB took 40 s). The fixes of one analysis are
 * checked together instead, by group testing: all at once, and a group that fails is split in
 * halves, so a document whose fixes are all fine costs one check, and each failing fix about
 * log₂(fixes) more (a half is not checked whole when its failing parent's other half passed). At most MAX_CHECKS checks are spent per analysis; a fix left unchecked
 * when they run out is not offered.
 */
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../analyze.ts';
import { checkDocument } from '../../check.ts';
import { parseDocument } from '../../parse/document.ts';
import type { Analysis, DocModel } from '../../types.ts';
import { applyEdits } from '../edits.ts';
import { eolOf } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';

function serious(d: Diagnostic): boolean {
  return d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning;
}

const MAX_CHECKS = 24;

/** Serious findings by code, the section's own emptiness aside, and the empty sections. */
function tally(list: readonly Diagnostic[]): { readonly byCode: Map<string, number>; readonly empties: number } {
  const byCode = new Map<string, number>();
  let empties = 0;
  for (const d of list) {
    if (d.code === 'empty-section') empties++;
    else if (serious(d)) byCode.set(String(d.code), (byCode.get(String(d.code)) ?? 0) + 1);
  }
  return { byCode, empties };
}

/**
 * Whether removing the guidance of `group` (its sections' lines, all at once) adds no warning
 * or error but one empty section per fix. A group of several must also leave the document's fit
 * as it was: with all the guidance gone, a document can read as unrelated to the template and
 * be checked leniently, which would hide what one fix alone causes.
 */
function groupAddsOnlyEmptiness(context: FixContext, group: readonly (readonly number[])[]): boolean {
  const { analysis } = context;
  const edits = removeLines(analysis.model, group.flat());
  const edited = analyze(parseDocument(applyEdits(analysis.model.text, edits)), analysis.schema);
  const before = tally(context.all);
  const after = tally(checkDocument(edited, { severity: context.severity }));
  for (const [code, n] of after.byCode) if (n > (before.byCode.get(code) ?? 0)) return false;
  if (after.empties > before.empties + group.length) return false;
  return group.length === 1 || (edited.fit.adapted === analysis.fit.adapted && edited.fit.unrelated === analysis.fit.unrelated);
}

/** The guidance fixes of one analysis that pass, by the first line each removes. */
const verdicts = new WeakMap<FixContext['all'], { readonly analysis: Analysis; readonly ok: ReadonlySet<number> }>();

function passingFixes(context: FixContext): ReadonlySet<number> {
  const known = verdicts.get(context.all);
  if (known && known.analysis === context.analysis) return known.ok;
  const { model } = context.analysis;
  const groups: Array<readonly number[]> = [];
  for (const d of context.all) {
    const data = dataOf(d, 'template-text');
    if (data && data.lines.length > 0 && data.lines.every((line) => line >= 0 && line < model.lines.length)) groups.push(data.lines);
  }
  const ok = new Set<number>();
  let checks = 0;
  // `failed`: the group is known to hold a failing fix (its parent failed and its other half
  // passed), so it is split without checking it whole.
  const test = (group: ReadonlyArray<readonly number[]>, failed = false): void => {
    if (group.length === 0 || checks >= MAX_CHECKS) return;
    if (!failed) {
      checks++;
      if (groupAddsOnlyEmptiness(context, group)) {
        for (const lines of group) ok.add(lines[0]);
        return;
      }
    }
    if (group.length === 1) return;
    const half = Math.ceil(group.length / 2);
    const first = group.slice(0, half);
    test(first);
    test(group.slice(half), first.every((lines) => ok.has(lines[0])));
  };
  test(groups);
  verdicts.set(context.all, { analysis: context.analysis, ok });
  return ok;
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
  // Only the removed lines are visited (in order), not every line of the document.
  const sorted = [...removed].sort((a, b) => a - b);
  let covered = -1;
  for (const line of sorted) {
    if (line <= covered || line < 0 || line > last) continue;
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
    covered = end;
  }
  return edits;
}

export function removeSectionGuidance(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'template-text');
  if (!data || data.lines.length === 0) return [];
  const { model } = context.analysis;
  if (data.lines.some((line) => line < 0 || line >= model.lines.length)) return [];
  if (!passingFixes(context).has(data.lines[0])) return [];
  const edits = removeLines(model, data.lines);
  const count = data.lines.length;
  const title = count === 1 ? 'Remove the template guidance line' : `Remove the template guidance from this section (${count} lines)`;
  return [{ kind: 'remove-template-line', title, edits, diagnostics: [diagnostic] }];
}
