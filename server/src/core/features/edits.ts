/**
 * Applying LSP text edits to a string, as a client would. Used to verify fixes before they are
 * offered, and by tests that apply every fix and check the document again.
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';

/** Offsets of the start of each line; any of `\r\n`, `\r`, `\n` ends a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function offsetAt(text: string, starts: readonly number[], position: Position): number {
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line];
  const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  let lineEnd = next;
  while (lineEnd > start && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
  return Math.min(start + position.character, lineEnd);
}

/** The text after `edits`, which must not overlap; inserts at one position keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((edit, order) => ({ start: offsetAt(text, starts, edit.range.start), end: offsetAt(text, starts, edit.range.end), text: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += text.slice(last, span.start) + span.text;
    last = Math.max(last, span.end);
  }
  return out + text.slice(last);
}
