/**
 * Finds placeholder candidates on one line of prose: bracketed tokens and `YYYY-MM-DD`, minus
 * those that markdown gives another meaning (links, images, reference links, footnotes,
 * task-list boxes, escaped brackets) and those inside code spans.
 */

export interface Candidate {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Ranges [start, end) of the code spans on a line (CommonMark: a backtick run closed by one of equal length). */
export function codeSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let i = line.indexOf('`');
  while (i !== -1 && i < line.length) {
    let run = 1;
    while (line[i + run] === '`') run++;
    let j = line.indexOf('`', i + run);
    let closed = false;
    while (j !== -1) {
      let close = 1;
      while (line[j + close] === '`') close++;
      if (close === run) {
        spans.push([i, j + close]);
        i = line.indexOf('`', j + close);
        closed = true;
        break;
      }
      j = line.indexOf('`', j + close);
    }
    if (!closed) i = line.indexOf('`', i + run);
  }
  return spans;
}

function inSpans(spans: Array<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && end > s) return true;
  return false;
}

const DATE_TOKEN = /YYYY-MM-DD/g;

/**
 * Candidates on a prose line. `isReference` says whether a bracket label is a defined
 * reference (then `[label]` is a link). `listItem` tells that a leading `[ ]` is a task box.
 */
export function placeholderCandidates(line: string, isReference: (label: string) => boolean, inCode = false): Candidate[] {
  const found: Candidate[] = [];
  const hasBracket = line.includes('[');
  const hasDate = line.includes('YYYY');
  if (!hasBracket && !hasDate) return found;
  const spans = inCode ? [] : codeSpans(line);
  if (hasBracket) {
    let i = line.indexOf('[');
    while (i !== -1) {
      const close = findClose(line, i);
      if (close === -1) break;
      const start = i;
      const end = close + 1;
      if (inCode || isPlainBracket(line, start, end, isReference, spans)) {
        found.push({ text: line.slice(start, end), start, end });
      }
      i = line.indexOf('[', inCode || isPlainBracket(line, start, end, isReference, spans) ? end : start + 1);
    }
  }
  if (hasDate) {
    for (const m of line.matchAll(DATE_TOKEN)) {
      const start = m.index;
      const end = start + m[0].length;
      if (inCode || !inSpans(spans, start, end)) {
        if (!found.some((c) => c.start <= start && c.end >= end)) found.push({ text: m[0], start, end });
      }
    }
    found.sort((a, b) => a.start - b.start);
  }
  return found;
}

/** Index of the `]` closing the bracket at `open`, honouring escapes and one level of nesting. */
function findClose(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '[') {
      depth++;
    } else if (ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function isPlainBracket(
  line: string,
  start: number,
  end: number,
  isReference: (label: string) => boolean,
  spans: Array<[number, number]>,
): boolean {
  if (start > 0 && line[start - 1] === '\\') return false;
  if (start > 0 && line[start - 1] === '!') return false;
  if (start > 0 && line[start - 1] === ']') return false;
  const next = line[end];
  if (next === '(' || next === '[') return false;
  if (next === ':' && line.slice(0, start).trim() === '') return false;
  const inner = line.slice(start + 1, end - 1);
  if (inner.trim() === '') return false;
  if (inner.startsWith('^')) return false;
  if (/^[ xX]$/.test(inner) && /^\s*(?:[-*+]|\d+[.)])\s+$/.test(line.slice(0, start))) return false;
  if (inSpans(spans, start, end)) return false;
  return !isReference(inner);
}
