/**
 * Small text helpers shared by the parser, the template compiler and the rules.
 * Columns are UTF-16 code units, as in LSP and in JavaScript strings.
 */
import type { Range } from 'vscode-languageserver-types';

/** Splits on every line terminator LSP knows (`\r\n`, `\r`, `\n`). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return range(line, start, line, Math.max(end, start));
}

/**
 * The key a heading is matched by: case, numbering (`3.`, `2.1)`), emoji and other symbols,
 * surrounding punctuation and a trailing `(If applicable)` or `(Optional)` are ignored; `&` reads as `and`.
 */
export function headingKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(\s*(?:if applicable|optional)[^)]*\)\s*$/u, '')
    .replace(/&/g, ' and ')
    // Leading emoji and punctuation, then an enumerator: `3.`, `2.1.3`, `14b.`, `A)`, `IV.`.
    .replace(/^[\s\p{P}\p{S}]*(?:(?:\d+(?:\.\d+)*[a-z]?|[a-z]|[ivxlc]+)[.):]\s+|\d+(?:\.\d+)*\.?\s+)?/u, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text without a trailing note in parentheses (`Decision Log (ADRs)` → `Decision Log`), scanned from the end. */
export function withoutTrailingNote(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return text;
  const open = trimmed.lastIndexOf('(');
  if (open < 0 || trimmed.indexOf(')', open) !== trimmed.length - 1) return text;
  return trimmed.slice(0, open).trimEnd();
}

/** Slug used for stable section ids. */
export function slug(title: string): string {
  return headingKey(title).replace(/ /g, '-') || 'section';
}

/** Word count used to keep one-word lines out of the template-text set. */
export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_/-]*/gu);
  return words ? words.length : 0;
}

/**
 * Splits a table row into cells the GFM way: outer pipes are optional and `\|` does not split.
 * Returns the cell texts, trimmed.
 */
export function tableCells(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  // Cells are slices between unescaped pipes; an escaped pipe stays in its cell as written.
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 92 /* \ */ && text.charCodeAt(i + 1) === 124 /* | */) i++;
    else if (ch === 124) {
      cells.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  cells.push(text.slice(start).trim());
  return cells;
}

/**
 * A line `normalizeLine` returns unchanged: words separated by single spaces, no white space
 * at either end, and no list marker it rewrites (it errs on the safe side: any line starting
 * with `*`, `+`, a digit or `- [` takes the full path).
 */
const NORMALIZED = /^(?![*+0-9]|- \[)\S+(?: \S+)*$/;

/**
 * The form a line is compared in when looking for template text left unchanged: trimmed,
 * white space folded, list markers unified, and table rows reduced to their cells.
 */
export function normalizeLine(line: string, tableRow = false): string {
  if (tableRow) return '|' + tableCells(line).join('|') + '|';
  // Most lines of a document are already in this form; they are returned without a copy.
  if (line === '' || NORMALIZED.test(line)) return line;
  return line
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^[-*+] (\[[ xX]\] )?/, '- ')
    .replace(/^\d+[.)] /, '1. ');
}

/** Whether `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}
