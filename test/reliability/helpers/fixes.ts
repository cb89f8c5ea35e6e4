/**
 * Checks of quick fixes, in process: a fix applies cleanly (as a client applies it), removes
 * what it targets, adds no warning or error and edits only the text it names; fix-all
 * reaches a fixed point.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND, type DiagnosticData, type Schema } from '../../../server/src/core/index.ts';
import { assertRange, contains, lspLines } from './ranges.ts';
import { bundledSchema, engine } from '../../helpers/core.ts';

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

/** A missing-section diagnostic counts once for each section it names; any other, once. */
function weight(d: Diagnostic): number {
  const data = d.data as DiagnosticData | undefined;
  return data?.code === 'missing-section' ? (data.sections?.length ?? 1) : 1;
}

function countBy(diagnostics: readonly Diagnostic[], keep: (d: Diagnostic) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) if (keep(d)) out.set(String(d.code), (out.get(String(d.code)) ?? 0) + weight(d));
  return out;
}

/**
 * Findings that are the rest of what a fix was asked for, not new problems. A heading both at
 * the wrong level and misplaced is one finding; with its level fixed, it is still misplaced. A
 * heading declared to be a template section is checked as that section: the subsections the
 * template puts under it are missing now.
 */
function followsFrom(d: Diagnostic, before: readonly Diagnostic[], targets: readonly Diagnostic[], title: string): boolean {
  const data = d.data as DiagnosticData | undefined;
  if (data?.code === 'section-order') {
    return targets.some((t) => {
      const target = t.data as DiagnosticData | undefined;
      return target?.code === 'heading-level' && target.misplaced !== undefined && target.sectionId === data.sectionId;
    });
  }
  const declared = / is this document's (.+)$/.exec(title)?.[1];
  if (data?.code !== 'missing-section' || declared === undefined) return false;
  const id = before
    .flatMap((b) => ((b.data as DiagnosticData | undefined)?.code === 'missing-section' ? ((b.data as Extract<DiagnosticData, { code: 'missing-section' }>).sections ?? []) : []))
    .find((e) => e.title === declared)?.sectionId;
  return id !== undefined && (data.sections ?? [data]).every((e) => e.sectionId.startsWith(id + '/'));
}

/**
 * What a fix claims to resolve, per code. A fix for a missing section resolves one of the
 * sections its diagnostic names, insert-all the number in its title.
 */
function targetedBy(targets: readonly Diagnostic[], title: string): Map<string, number> {
  const out = countBy(targets, () => true);
  if (out.has('missing-section')) out.set('missing-section', Number(/^Insert all (\d+) missing sections$/.exec(title)?.[1] ?? 1));
  return out;
}

/**
 * After a fix: each code it targets has lost at least as many diagnostics (for missing sections:
 * sections named) as it targeted, and no code of warning or error severity has gained one.
 */
/** Removing a section's guidance may leave that section empty: the next step shown to the author, not a new problem. */
function emptiedByGuidanceRemoval(before: readonly Diagnostic[], after: readonly Diagnostic[], targets: readonly Diagnostic[], title: string): readonly Diagnostic[] {
  if (targets.length === 0 || !targets.every((t) => t.code === 'template-text')) return after;
  const empties = (list: readonly Diagnostic[]): number => list.filter((d) => d.code === 'empty-section').length;
  assert.ok(empties(after) <= empties(before) + targets.length, `"${title}" emptied more sections than it cleared`);
  return after.filter((d) => d.code !== 'empty-section').concat(before.filter((d) => d.code === 'empty-section'));
}

/**
 * A fix removes what it targets and adds no warning or error, with one announced exception:
 * removing a section's guidance may leave that section empty, the next step shown to the author.
 */
/**
 * A document found by its name that was adapted from the template, or does not follow it, is
 * checked leniently: what it lacks is held back (missing sections and subsections, order,
 * levels, empty sections), since the template may not be its plan. Inserting template sections,
 * or declaring a heading to be one, can make it follow the template, and then it is checked
 * fully and what was held back is reported. That is the check doing its job on a new document,
 * by design, not the fix breaking its promise: for such a fix that ends a lenient check, and
 * only then, the held-back codes may grow, while every section the fix inserted must be there
 * and every other code must hold.
 */
export const HELD_BACK = new Set(['missing-section', 'section-order', 'heading-level', 'empty-section']);

/** The texts around a fix, to tell whether it ended a lenient check. */
export interface FixTexts {
  readonly before: string;
  readonly after: string;
  readonly schema: Schema;
  readonly selectedBy?: 'name';
}

function lenient(text: string, schema: Schema): boolean {
  const { fit } = engine.analyze(text, schema);
  return fit.adapted || fit.unrelated;
}

/** Whether `title` is an insertion or a declaration that took a leniently checked document to a full check. */
export function endsLenientCheck(title: string, texts: FixTexts | undefined): boolean {
  if (!texts || texts.selectedBy !== 'name' || !/^Insert | is this document's /.test(title)) return false;
  return lenient(texts.before, texts.schema) && !lenient(texts.after, texts.schema);
}

/** The section ids missing-section diagnostics name. */
function missingIds(list: readonly Diagnostic[]): string[] {
  return list.flatMap((d) => {
    const data = d.data as DiagnosticData | undefined;
    return data?.code === 'missing-section' ? (data.sections ?? [data]).map((e) => e.sectionId) : [];
  });
}

export function assertFixOutcome(before: readonly Diagnostic[], afterAll: readonly Diagnostic[], targets: readonly Diagnostic[], title: string, texts?: FixTexts): void {
  const after = emptiedByGuidanceRemoval(before, afterAll, targets, title).filter((d) => !followsFrom(d, before, targets, title));
  const ended = endsLenientCheck(title, texts);
  const targeted = targetedBy(targets, title);
  const all = countBy(before, () => true);
  const allAfter = countBy(after, () => true);
  for (const [code, n] of targeted) {
    if (ended && code === 'missing-section') {
      // Sections reported only now were held back; of those named before, the inserted ones are gone.
      const named = new Set(missingIds(before));
      const still = missingIds(after).filter((id) => named.has(id)).length;
      assert.ok(still <= named.size - n, `"${title}" left its missing-section diagnostic: ${named.size} named before, ${still} of them still missing`);
    } else {
      assert.ok((allAfter.get(code) ?? 0) <= (all.get(code) ?? 0) - n, `"${title}" left its ${code} diagnostic: ${all.get(code)} before, ${allAfter.get(code) ?? 0} after`);
    }
  }
  const seriousBefore = countBy(before, serious);
  // A heading both misplaced and at the wrong level is one heading-level finding that says both:
  // once its level is fixed, the misplacement it already named stands as a section-order finding.
  const misplaced = before.filter((d) => serious(d) && d.code === 'heading-level' && (d.data as { misplaced?: unknown }).misplaced !== undefined).length;
  if (misplaced) seriousBefore.set('section-order', (seriousBefore.get('section-order') ?? 0) + misplaced);
  for (const [code, n] of countBy(after, serious)) {
    if (ended && HELD_BACK.has(code)) continue;
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

/** Whether every line a range covers (partly or wholly) is blank or one of `named`. */
function onlyNamedOrBlank(lines: readonly string[], named: readonly number[], range: Range): boolean {
  const last = range.end.character === 0 ? range.end.line - 1 : range.end.line;
  const first = range.start.character === lines[range.start.line]?.length && range.start.line < last ? range.start.line + 1 : range.start.line;
  for (let line = first; line <= last; line++) if (lines[line].trim() !== '' && !named.includes(line)) return false;
  return true;
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

/** The insertion line, or the line of an `archdoc-disable-next-line` comment just above it, which an insertion keeps with its line. */
function earliest(lines: readonly string[], line: number): number {
  return line > 0 && /^\s*<!--\s*archdoc-disable-next-line\b.*-->\s*$/.test(lines[line - 1] ?? '') ? line - 1 : line;
}

function isLineStart(lines: readonly string[], range: Range): boolean {
  const at = range.start;
  const atEnd = at.line === lines.length - 1 && at.character === lines[at.line].length;
  return isEmpty(range) && (at.character === 0 || atEnd || JSON.stringify(range) === JSON.stringify(insertionPoint(lines, at.line)));
}

/** A suppression comment inserted, and nothing taken away. */
function isSuppression(edit: TextEdit): boolean {
  return isEmpty(edit.range) && /^(?:\s*<!-- archdoc-disable-(?:line|next-line|file) [a-z-]+ -->\s*|, [a-z-]+)$/.test(edit.newText);
}

/**
 * The text a fix for `d` may touch: its own range, its whole lines, or the insertion points its
 * payload names. Sections are inserted at a line start at or after the point the payload names
 * (past a section the insertion would cut in two), fields between the entry's title and that point.
 */
export function mayTouch(lines: readonly string[], d: Diagnostic, edit: TextEdit, title: string): boolean {
  if (/^Disable [a-z-]+ for this (?:line|file)$/.test(title)) return isSuppression(edit);
  // A marker that declares a section, inserted on a line of its own: nothing is taken away.
  if (/ is (?:this document's .+|not applicable to this project)$/.test(title)) {
    return isLineStart(lines, edit.range) && /^\s*<!-- archdoc: (?:section|not-applicable) [^\n]+ -->\s*$/.test(edit.newText);
  }
  const data = d.data as DiagnosticData | undefined;
  switch (data?.code) {
    case 'placeholder':
    case 'invalid-value':
    case 'invalid-date':
      return JSON.stringify(edit.range) === JSON.stringify(d.range);
    case 'heading-typo':
    case 'heading-level':
    case 'table-columns':
      return contains(wholeLines(lines, d.range.start.line, d.range.end.line), edit.range);
    case 'template-text':
      // The section's guidance lines named in the payload, and blank lines between or around them.
      return data.lines.some((line) => contains(wholeLines(lines, line, line), edit.range)) || onlyNamedOrBlank(lines, data.lines, edit.range);
    case 'missing-section':
      return isLineStart(lines, edit.range) && edit.range.start.line >= Math.min(...(data.sections ?? [data]).map((e) => earliest(lines, e.insertAt.line)), lines.length - 1);
    case 'empty-section':
      return isEmpty(edit.range) && JSON.stringify(edit.range) === JSON.stringify(insertionPoint(lines, data.insertAt.line));
    case 'missing-field': {
      // Appended to a document without a final line break, a line is inserted at the end of the last one: it starts the line after.
      const at = edit.range.start;
      const line = at.line === lines.length - 1 && at.character === lines[at.line].length && at.character > 0 ? lines.length : at.line;
      return isLineStart(lines, edit.range) && line > d.range.start.line && line <= data.insertAt.line;
    }
    case 'section-order':
      return (
        (isEmpty(edit.range) && JSON.stringify(edit.range) === JSON.stringify(insertionPoint(lines, data.to))) ||
        contains(wholeLines(lines, data.startLine, data.endLine - 1), edit.range)
      );
    default:
      return false;
  }
}

const wordsOf = (text: string): string => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/**
 * What a heading fix takes away: a level change only markers (`#`, the underline, spaces and
 * line breaks between a setext heading's lines), every word kept; a rename the misspelt words
 * and nothing around them, so that numbering, emoji and suffixes survive.
 */
export function assertKeepsCharacters(text: string, title: string, edits: readonly TextEdit[]): void {
  const doc = TextDocument.create(URI, 'markdown', 1, text);
  for (const edit of edits) {
    const removed = text.slice(doc.offsetAt(edit.range.start), doc.offsetAt(edit.range.end));
    if (title.startsWith('Change to level')) {
      assert.equal(wordsOf(edit.newText), wordsOf(removed), `"${title}" keeps every word of the heading`);
    } else if (title.startsWith('Rename to') && !/^[#=\s-]*$/.test(removed) && !/^#+ /.test(edit.newText)) {
      assert.match(removed, /^[\p{L}\p{N}](?:[\s\S]*[\p{L}\p{N}])?$/u, `"${title}" replaces words only, not "${removed}"`);
    }
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
        assert.ok(claimed.some((d) => mayTouch(lines, d, edit, action.title)), `"${action.title}" edits ${JSON.stringify(edit.range)}, outside what its diagnostics name`);
      }
      assertKeepsCharacters(text, action.title, edits);
      const after = applyAsClient(text, edits);
      assertFixOutcome(before, diagnose(after, schema), claimed, action.title, { before: text, after, schema });
    }
  }
  return tried.size;
}

/** The document's heading lines as written (setext text and underline joined), in order. */
export function headingLines(text: string): string[] {
  const { model } = engine.analyze(text, bundledSchema());
  return model.headings.map((h) => model.lines.slice(h.range.start.line, h.range.end.line + 1).join('\n'));
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
    assertFixOutcome(before, diagnose(next, schema), action.diagnostics ?? [], action.title, { before: current, after: next, schema });
    current = next;
  }
  throw new Error(`fix-all still had something to do after ${limit} rounds`);
}
