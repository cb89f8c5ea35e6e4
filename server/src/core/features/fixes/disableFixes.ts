/**
 * "Disable <code> for this line" and "… for this file", as ESLint and markdownlint users
 * expect, written in the suppression comments the engine reads (`parse/suppressions.ts`).
 *
 * The line's comment goes where it changes nothing else: at the end of a prose line
 * (`archdoc-disable-line`), or on a line of its own before a heading or an entry's title
 * (`archdoc-disable-next-line`), whose text a comment at the end would become part of. Lines
 * of tables, code and front matter get only the file's comment: a comment there would add a
 * cell, show as code or break the YAML. A missing section gets only the file's comment (and the
 * markers of `markerFixes.ts`).
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DocModel } from '../../types.ts';
import { headingAt, insertLines } from '../shared.ts';
import type { Fix, FixContext } from './fix.ts';

/** The start of a file-wide comment on a line of its own. */
const FILE_COMMENT = /^\s*<!--\s*archdoc-disable-file\b/;

const entryLines = new WeakMap<DocModel, ReadonlySet<number>>();

function startsBlock(model: DocModel, line: number): boolean {
  const h = model.headings[headingAt(model, line)];
  if (h && h.line <= line && line <= h.range.end.line) return true;
  let lines = entryLines.get(model);
  if (!lines) entryLines.set(model, (lines = new Set(model.entries.map((e) => e.line))));
  return lines.has(line);
}

function lineEdit(model: DocModel, line: number, code: string): TextEdit | undefined {
  if (model.codeLines[line] || model.tableLines[line]) return undefined;
  if (startsBlock(model, line)) {
    const h = model.headings[headingAt(model, line)];
    const at = h && h.line <= line && line <= h.range.end.line ? h.line : line;
    const indent = /^\s*/.exec(model.lines[at])?.[0] ?? '';
    return insertLines(model, at, `${indent}<!-- archdoc-disable-next-line ${code} -->\n`);
  }
  const text = model.lines[line];
  const end = text.trimEnd().length;
  return { range: { start: { line, character: end }, end: { line, character: end } }, newText: `${end > 0 ? ' ' : ''}<!-- archdoc-disable-line ${code} -->` };
}

/** The first line after front matter, where a file-wide comment goes. */
export function topLine(model: DocModel): number {
  if (model.lines[0]?.replace(/^\uFEFF/, '') !== '---') return 0;
  for (let line = 1; line < model.lines.length; line++) if (/^(?:---|\.\.\.)\s*$/.test(model.lines[line])) return line + 1;
  return 0;
}

/** Where to add a code to an existing file-wide comment with a list of codes (one with none silences all). */
function existingFileComment(model: DocModel): { line: number; character: number } | undefined {
  for (let line = 0; line < model.lines.length; line++) {
    const text = model.lines[line];
    if (model.fenceContent[line] || !text.includes('archdoc-disable-file')) continue;
    const open = FILE_COMMENT.exec(text);
    const close = open ? text.indexOf('-->', open[0].length) : -1;
    if (!open || close < 0 || text.slice(close + 3).trim() !== '') continue;
    const codes = text.slice(open[0].length, close).trimEnd();
    if (codes.trim() !== '') return { line, character: open[0].length + codes.length };
  }
  return undefined;
}

function fileEdit(model: DocModel, code: string): TextEdit {
  const at = existingFileComment(model);
  if (at) return { range: { start: at, end: at }, newText: `, ${code}` };
  const top = topLine(model);
  // A line that silences itself keeps its place: what stands on the document's first line (a
  // missing section, the title) would otherwise move to the inserted comment, out of its reach.
  const text = model.lines[top];
  if (text !== undefined && !model.fenceContent[top] && text.includes('archdoc-disable-line')) {
    const end = { line: top, character: text.trimEnd().length };
    return { range: { start: end, end }, newText: ` <!-- archdoc-disable-file ${code} -->` };
  }
  return insertLines(model, top, `<!-- archdoc-disable-file ${code} -->\n`);
}

/**
 * The file's action per code, built once per list of diagnostics: a selection holding thousands
 * of diagnostics of one code asks for it thousands of times.
 */
const fileFixes = new WeakMap<FixContext['all'], Map<string, Fix>>();

function fileFix(context: FixContext, code: string): Fix {
  let byCode = fileFixes.get(context.all);
  if (!byCode) fileFixes.set(context.all, (byCode = new Map()));
  let fix = byCode.get(code);
  if (!fix) {
    const edit = fileEdit(context.analysis.model, code);
    fix = { kind: 'disable-file', title: `Disable ${code} for this file`, edits: [edit], diagnostics: context.all.filter((d) => d.code === code) };
    byCode.set(code, fix);
  }
  return fix;
}

export function disableFixes(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const code = String(diagnostic.code ?? '');
  if (!/^[a-z][a-z-]*$/.test(code)) return [];
  const { model } = context.analysis;
  const fixes: Fix[] = [];
  // A missing section is no line's problem: its diagnostic stands on the parent's heading, or
  // on the first line, which a comment inserted above would take over. Guidance left in a
  // section is the section's finding, shown on its first guidance line: silencing that line
  // would only move it to the next one.
  const line = code === 'missing-section' || code === 'template-text' ? undefined : lineEdit(model, diagnostic.range.start.line, code);
  if (line) fixes.push({ kind: 'disable-line', title: `Disable ${code} for this line`, edits: [line], diagnostics: [diagnostic] });
  fixes.push(fileFix(context, code));
  return fixes;
}
