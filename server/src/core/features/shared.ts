/**
 * Helpers the features share for finding their way in an analysed document: which section
 * or entry a line belongs to, and how to insert whole lines in the document's own line ending.
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { Analysis, DocEntry, DocModel, EntryKindSpec, SchemaSection } from '../types.ts';
import { templateTextLines } from '../analysis/templateText.ts';

/** The document's line terminator, taken from its first line break. */
export function eolOf(model: DocModel): string {
  const match = /\r\n|\r|\n/.exec(model.text);
  return match ? match[0] : '\n';
}

/** Index of the innermost heading whose section holds `line`, or -1 before the first heading. */
export function headingAt(model: DocModel, line: number): number {
  let low = 0;
  let high = model.headings.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (model.headings[mid].line <= line) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The template section a heading stands for, if any. */
export function sectionOf(analysis: Analysis, heading: number): SchemaSection | undefined {
  return heading >= 0 ? analysis.matches[heading]?.section : undefined;
}

/** The entry whose block holds `line` (its title line included). */
export function entryAt(model: DocModel, line: number): DocEntry | undefined {
  return model.entries.find((e) => e.line <= line && line < e.endLine);
}

/** The template's kind for an entry, as the analysis decided it. */
export function entryKindOf(analysis: Analysis, entry: DocEntry): EntryKindSpec | undefined {
  return analysis.entryKinds[analysis.model.entries.indexOf(entry)];
}

/** The fields of its kind an entry lacks, required ones first. */
export function missingFields(kind: EntryKindSpec, entry: DocEntry): EntryKindSpec['fields'] {
  const present = new Set(entry.fields.map((f) => f.name.toLowerCase()));
  const missing = kind.fields.filter((f) => !present.has(f.name.toLowerCase()));
  return [...missing.filter((f) => f.required), ...missing.filter((f) => !f.required)];
}

/** Whether a line is blank as markdown reads it: spaces and tabs only (a U+2028 or NBSP line continues a paragraph). */
export function isBlank(model: DocModel, line: number): boolean {
  return line < 0 || line >= model.lines.length || /^[ \t]*$/.test(model.lines[line]);
}

const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Whether the last block of `text` (after its last blank line) ends in a list; a list may interrupt a paragraph (`**E2E Tests**` then `- …`). */
function endsInList(text: string): boolean {
  const lines = text.trimEnd().split('\n');
  let first = lines.length - 1;
  while (first > 0 && lines[first - 1].trim() !== '') first--;
  return lines.slice(first).some((l) => LIST_ITEM.test(l));
}

/** Whether the first line with text from `line` on is indented. */
function indentedAfter(model: DocModel, line: number): boolean {
  let next = line;
  while (next < model.lines.length && model.lines[next].trim() === '') next++;
  return next < model.lines.length && /^[ \t]/.test(model.lines[next]);
}

/**
 * An edit inserting `text` (lines joined by `\n`, ending with `\n`) at the start of `line`, in
 * the document's line ending. Past the last line it appends, after a line break if needed.
 * With `separate`, a blank line is kept between the insertion and its neighbours.
 *
 * Text that ends in a list, inserted before an indented line, would take that line into its
 * last item (`   ### Overview` would stop being a heading): it is closed with an empty HTML
 * comment, as CommonMark suggests for ending a list.
 */
export function insertLines(model: DocModel, line: number, text: string, separate = false): TextEdit {
  const eol = eolOf(model);
  let body = text.endsWith('\n') ? text : text + '\n';
  if (endsInList(body) && indentedAfter(model, line)) body += '\n<!-- -->\n';
  if (separate && !isBlank(model, line - 1)) body = '\n' + body;
  if (separate && !isBlank(model, line)) body += '\n';
  const last = model.lines.length - 1;
  // A byte order mark stays the first character of the document.
  const start = line === 0 && model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let position: Position = { line, character: start };
  if (line > last) {
    position = { line: last, character: model.lines[last].length };
    body = '\n' + body.replace(/\n$/, '');
  }
  return { range: { start: position, end: position }, newText: body.replace(/\n/g, eol) };
}

/** Today's date as `YYYY-MM-DD` in local time, for callers that have no clock of their own. */
export function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Per heading: placeholders within its section, subsections included. */
export function placeholdersPerHeading(analysis: Analysis): number[] {
  return perHeading(analysis, analysis.placeholders.map((p) => p.range.start.line));
}

/** Per heading: guidance lines left unchanged within its section, subsections included. */
export function guidancePerHeading(analysis: Analysis): number[] {
  return perHeading(analysis, [...templateTextLines(analysis).keys()]);
}

/** Per heading: how many of `lines` fall within its section, subsections included. */
export function perHeading(analysis: Analysis, lines: readonly number[]): number[] {
  const { model } = analysis;
  const before = new Uint32Array(model.lines.length + 1);
  for (const line of lines) before[line + 1]++;
  for (let line = 1; line <= model.lines.length; line++) before[line] += before[line - 1];
  return model.headings.map((h, i) => before[analysis.ends[i]] - before[h.line]);
}

/** Required template sections absent from the document, counted per parent section id. */
export function missingPerParent(analysis: Analysis): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of analysis.missing) counts.set(s.parentId ?? '', (counts.get(s.parentId ?? '') ?? 0) + 1);
  return counts;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
