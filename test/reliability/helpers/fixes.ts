/**
 * Checks of quick fixes, in process: a fix applies cleanly (as a client applies it), removes
 * what it targets, adds no warning or error and edits only the text it names; fix-all
 * reaches a fixed point.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND, type DiagnosticData, type Schema } from '../../../server/src/core/index.ts';
import { knownDefect } from './knownDefects.ts';
import { assertRange, contains, lspLines } from './ranges.ts';
import { engine } from '../../helpers/core.ts';

const TODAY = '2025-06-01';
const URI = 'file:///w/ARCHITECTURE.md';

/** The diagnostics of a text; `selectedBy: 'name'` as the server checks a file it finds by its name or place. */
export function diagnose(text: string, schema: Schema, selectedBy?: 'name'): Diagnostic[] {
  return engine.check(engine.analyze(text, schema), { selectedBy });
}

export function editsOf(action: CodeAction): TextEdit[] {
  const edits = [...(action.edit?.changes?.[URI] ?? [])];
  for (const change of action.edit?.documentChanges ?? []) if ('edits' in change) edits.push(...(change.edits as TextEdit[]));
  return edits;
}

/** Applies edits the way an editor does; the library refuses overlapping edits. */
export function applyAsClient(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), [...edits]);
}

function serious(d: Diagnostic): boolean {
  return d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning;
}

/** A missing-section diagnostic names every section missing under one parent: each counts. */
function weight(d: Diagnostic): number {
  const sections = (d.data as { sections?: unknown[] } | undefined)?.sections;
  return d.code === 'missing-section' && Array.isArray(sections) ? Math.max(sections.length, 1) : 1;
}

function countBy(diagnostics: readonly Diagnostic[], keep: (d: Diagnostic) => boolean, weigh: (d: Diagnostic) => number = weight): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) if (keep(d)) out.set(String(d.code), (out.get(String(d.code)) ?? 0) + weigh(d));
  return out;
}

/**
 * After a fix: each code it targets has lost at least as many diagnostics as it targeted, and
 * no code of warning or error severity has gained one.
 */
export function assertFixOutcome(before: readonly Diagnostic[], after: readonly Diagnostic[], targets: readonly Diagnostic[], title: string): void {
  // A fix resolves at least one of the sections a missing-section diagnostic names.
  const targeted = countBy(targets, () => true, () => 1);
  const all = countBy(before, () => true);
  const allAfter = countBy(after, () => true);
  for (const [code, n] of targeted) {
    assert.ok((allAfter.get(code) ?? 0) <= (all.get(code) ?? 0) - n, `"${title}" left its ${code} diagnostic: ${all.get(code)} before, ${allAfter.get(code) ?? 0} after`);
  }
  const seriousBefore = countBy(before, serious);
  // A heading both misplaced and at the wrong level is one heading-level finding that says both:
  // once its level is fixed, the misplacement it already named stands as a section-order finding.
  const misplaced = before.filter((d) => serious(d) && d.code === 'heading-level' && (d.data as { misplaced?: unknown }).misplaced !== undefined).length;
  if (misplaced) seriousBefore.set('section-order', (seriousBefore.get('section-order') ?? 0) + misplaced);
  for (const [code, n] of countBy(after, serious)) {
    assert.ok(n <= (seriousBefore.get(code) ?? 0), `"${title}" introduced ${code}: ${seriousBefore.get(code) ?? 0} before, ${n} after`);
  }
}

function wholeLines(lines: readonly string[], first: number, last: number): Range {
  // Blank lines next to the named ones may go with them; no other text may.
  let from = first;
  let to = last;
  while (from > 0 && lines[from - 1].trim() === '') from--;
  while (to + 1 < lines.length && lines[to + 1].trim() === '') to++;
  // From the end of the line before (a removal of the last line takes its line break) to the start of the line after.
  const start = from > 0 ? { line: from - 1, character: lines[from - 1].length } : { line: 0, character: 0 };
  const end = to + 1 < lines.length ? { line: to + 1, character: 0 } : { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { start, end };
}

function insertionPoint(lines: readonly string[], line: number): Range {
  const last = lines.length - 1;
  // A document's first line starts after its BOM, if it has one.
  const start = line === 0 && lines[0].startsWith('\uFEFF') ? 1 : 0;
  const at = line > last ? { line: last, character: lines[last].length } : { line, character: start };
  return { start: at, end: at };
}

function isEmpty(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}

/** The text a fix for `d` may touch: its own range, its whole lines, or the insertion points its payload names. */
export function mayTouch(lines: readonly string[], d: Diagnostic, edit: TextEdit): boolean {
  const data = d.data as DiagnosticData | undefined;
  switch (data?.code) {
    case 'placeholder':
    case 'invalid-value':
    case 'invalid-date':
      return JSON.stringify(edit.range) === JSON.stringify(d.range);
    case 'heading-typo':
    case 'heading-level':
    case 'table-columns':
    case 'template-text':
      return contains(wholeLines(lines, d.range.start.line, d.range.end.line), edit.range);
    case 'missing-section':
      // One diagnostic per parent: any of the sections it names may be inserted, each at its point.
      return isEmpty(edit.range) && data.sections.some((s) => JSON.stringify(edit.range) === JSON.stringify(insertionPoint(lines, s.insertAt.line)));
    case 'empty-section':
    case 'missing-field':
      return isEmpty(edit.range) && JSON.stringify(edit.range) === JSON.stringify(insertionPoint(lines, data.insertAt.line));
    case 'section-order':
      return (
        (isEmpty(edit.range) && JSON.stringify(edit.range) === JSON.stringify(insertionPoint(lines, data.to))) ||
        contains(wholeLines(lines, data.startLine, data.endLine - 1), edit.range)
      );
    default:
      return false;
  }
}

export function quickFixes(text: string, schema: Schema, before: readonly Diagnostic[], target: Diagnostic): CodeAction[] {
  return engine.codeActions(engine.analyze(text, schema), before, target.range, { uri: URI, today: TODAY, only: ['quickfix'] }).filter((a) =>
    a.diagnostics?.some((d) => d === target || (d.code === target.code && JSON.stringify(d.range) === JSON.stringify(target.range))),
  );
}

/** One diagnostic per code, chosen by `picks`, so that every kind of fix gets exercised without checking each of dozens. */
function sample(diagnostics: readonly Diagnostic[], picks: readonly number[]): Diagnostic[] {
  const byCode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byCode.set(String(d.code), [...(byCode.get(String(d.code)) ?? []), d]);
  return [...byCode.values()].map((list, i) => list[picks[i % picks.length] % list.length]);
}

/** Failures set aside as known defects, by id: printed by the tests so that they stay visible. */
export const knownHits = new Map<string, number>();

/** Runs `assertion`; a failure that is a known defect is counted instead of thrown. */
function unlessKnown(text: string, action: CodeAction, before: readonly Diagnostic[], assertion: () => void): void {
  try {
    assertion();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const known = knownDefect({ text, title: action.title, message, edits: editsOf(action), before });
    if (!known) throw error;
    knownHits.set(known.id, (knownHits.get(known.id) ?? 0) + 1);
  }
}

export function assertEveryFix(text: string, schema: Schema, picks: readonly number[]): number {
  const before = diagnose(text, schema);
  const lines = lspLines(text);
  const tried = new Set<string>();
  for (const target of sample(before, picks)) {
    for (const action of quickFixes(text, schema, before, target)) {
      const edits = editsOf(action);
      const key = JSON.stringify(edits);
      if (tried.has(key)) continue;
      tried.add(key);
      assert.ok(edits.length > 0, `"${action.title}" has no edit`);
      const claimed = action.diagnostics ?? [];
      for (const edit of edits) {
        assertRange(lines, edit.range, `edit of "${action.title}"`);
        assert.ok(claimed.some((d) => mayTouch(lines, d, edit)), `"${action.title}" edits ${JSON.stringify(edit.range)}, outside what its diagnostics name`);
      }
      const after = applyAsClient(text, edits);
      unlessKnown(text, action, before, () => assertFixOutcome(before, diagnose(after, schema), claimed, action.title));
    }
  }
  return tried.size;
}

/** Applies fix-all until it offers nothing; returns the number of rounds. */
export function fixAllRounds(text: string, schema: Schema, limit = 8): { rounds: number; text: string } {
  let current = text;
  for (let round = 0; round < limit; round++) {
    const before = diagnose(current, schema);
    const [action] = engine.codeActions(engine.analyze(current, schema), before, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { uri: URI, today: TODAY, only: [FIX_ALL_KIND] });
    if (!action) return { rounds: round, text: current };
    assert.equal(action.kind, FIX_ALL_KIND);
    const next = applyAsClient(current, editsOf(action));
    assert.notEqual(next, current, `fix-all round ${round + 1} changed nothing but was offered`);
    unlessKnown(current, action, before, () => assertFixOutcome(before, diagnose(next, schema), action.diagnostics ?? [], action.title));
    current = next;
  }
  throw new Error(`fix-all still had something to do after ${limit} rounds`);
}
