/**
 * What a range handed to an editor must satisfy: inside the document, start not after end,
 * and on UTF-16 boundaries (never between the halves of a surrogate pair), with lines split
 * the way LSP splits them (`\r\n`, `\r`, `\n`).
 */
import type { Position, Range } from 'vscode-languageserver-types';

export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Why `position` is not a valid position in `lines`, or undefined when it is. */
export function positionProblem(lines: readonly string[], position: Position): string | undefined {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return `not a position: ${JSON.stringify(position)}`;
  if (line >= lines.length) return `line ${line} is past the last line (${lines.length - 1})`;
  const text = lines[line];
  if (character > text.length) return `character ${character} is past the end of line ${line} (length ${text.length})`;
  if (character > 0 && character < text.length && isHigh(text.charCodeAt(character - 1)) && isLow(text.charCodeAt(character))) {
    return `character ${character} of line ${line} splits a surrogate pair`;
  }
  return undefined;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Why `range` is not a valid range of `lines`, or undefined when it is. */
export function rangeProblem(lines: readonly string[], range: Range): string | undefined {
  const problem = positionProblem(lines, range.start) ?? positionProblem(lines, range.end);
  if (problem) return problem;
  if (before(range.end, range.start)) return `end ${JSON.stringify(range.end)} is before start ${JSON.stringify(range.start)}`;
  return undefined;
}

/** Throws with the offending range and a description when `range` is not valid in `text`. */
export function assertRange(lines: readonly string[], range: Range, what: string): void {
  const problem = rangeProblem(lines, range);
  if (problem) throw new Error(`${what}: ${problem} (range ${JSON.stringify(range)})`);
}

/** Whether `inner` lies within `outer`, ends included. */
export function contains(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}
