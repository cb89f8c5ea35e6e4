/**
 * Edits to one heading that touch only what they must: the title's words for a rename, the
 * `#` run or the underline for a level. Numbering (`3.`), emoji, suffixes such as ` v2`, CJK
 * text and closing `#`s stay as written.
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { distance } from 'fastest-levenshtein';
import { headingKey } from '../../text.ts';
import type { DocHeading, DocModel } from '../../types.ts';

/** Headings longer than this are renamed whole: the search below looks at spans of words. */
const MAX_WORDS = 64;

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The run of words in `text` that spells `title` most closely (by the keys headings are
 * matched by), the shortest on a tie so that numbering and suffixes are left out of it.
 */
export function titleSpan(text: string, title: string): Span {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const whole = { start: 0, end: text.length };
  if (words.length === 0 || words.length > MAX_WORDS) return whole;
  const key = headingKey(title);
  const longest = (key.match(/ /g)?.length ?? 0) + 3;
  let best: Span = whole;
  let bestDistance = Infinity;
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < Math.min(words.length, i + longest); j++) {
      const span = { start: words[i].start, end: words[j].end };
      const d = distance(headingKey(text.slice(span.start, span.end)), key);
      if (d < bestDistance || (d === bestDistance && span.end - span.start < best.end - best.start)) {
        best = span;
        bestDistance = d;
      }
    }
  }
  return best;
}

/** A heading's text on one line: a setext heading's lines joined by spaces. */
export function oneLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).join(' ');
}

/** The heading's text as written, from its first character to its last, line breaks included. */
function textRegion(model: DocModel, h: DocHeading): { text: string; start: Position } {
  const start = h.textRange.start;
  if (!h.setext) return { text: model.lines[h.line].slice(start.character, h.textRange.end.character), start };
  const lines = model.lines.slice(h.line, h.range.end.line);
  lines[0] = lines[0].slice(start.character);
  lines[lines.length - 1] = lines[lines.length - 1].trimEnd();
  return { text: lines.join('\n'), start };
}

function positionIn(region: { text: string; start: Position }, offset: number): Position {
  const before = region.text.slice(0, offset).split('\n');
  if (before.length === 1) return { line: region.start.line, character: region.start.character + offset };
  return { line: region.start.line + before.length - 1, character: before[before.length - 1].length };
}

/** The edit that writes `title` in place of the words of the heading that spell it. */
export function renameEdit(model: DocModel, h: DocHeading, title: string): { edit: TextEdit; text: string } {
  const region = textRegion(model, h);
  const span = titleSpan(region.text, title);
  const edit = { range: { start: positionIn(region, span.start), end: positionIn(region, span.end) }, newText: title };
  return { edit, text: oneLine(region.text.slice(0, span.start) + title + region.text.slice(span.end)) };
}

/**
 * The edits that make `h` a heading of `level`. An ATX heading gets a new `#` run; a setext
 * heading a new underline, or, for levels 3 to 6 which setext can't write, one ATX line with
 * its text lines joined by spaces.
 */
export function levelEdits(model: DocModel, h: DocHeading, level: number): TextEdit[] {
  const first = model.lines[h.line];
  if (!h.setext) {
    const m = /^( {0,3})(#+)/.exec(first);
    if (!m) return [];
    return [{ range: { start: { line: h.line, character: m[1].length }, end: { line: h.line, character: m[1].length + m[2].length } }, newText: '#'.repeat(level) }];
  }
  const underline = h.range.end.line;
  const marks = model.lines[underline];
  const from = marks.length - marks.trimStart().length;
  const to = marks.trimEnd().length;
  if (level <= 2) return [{ range: { start: { line: underline, character: from }, end: { line: underline, character: to } }, newText: (level === 1 ? '=' : '-').repeat(Math.max(3, to - from)) }];
  const text = model.lines.slice(h.line, underline).map((l) => l.trim()).join(' ');
  return [{ range: { start: { line: h.line, character: 0 }, end: { line: underline, character: marks.length } }, newText: `${'#'.repeat(level)} ${text}` }];
}
