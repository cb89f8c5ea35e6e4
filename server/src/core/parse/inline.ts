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

/**
 * Ranges [start, end) of the code spans on a line (CommonMark: a backtick run closed by the next
 * run of equal length). The runs are listed once and each length keeps a pointer into its own
 * runs, so an opener that is never closed costs nothing more than its own run.
 */
export function codeSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const runs: Array<[number, number]> = [];
  for (let i = line.indexOf('`'); i !== -1; ) {
    let length = 1;
    while (line[i + length] === '`') length++;
    runs.push([i, length]);
    i = line.indexOf('`', i + length);
  }
  const byLength = new Map<number, number[]>();
  runs.forEach(([, length], k) => {
    const list = byLength.get(length);
    if (list) list.push(k);
    else byLength.set(length, [k]);
  });
  const pointer = new Map<number, number>();
  for (let k = 0; k < runs.length; ) {
    const [start, length] = runs[k];
    const list = byLength.get(length) as number[];
    let p = pointer.get(length) ?? 0;
    while (p < list.length && list[p] <= k) p++;
    pointer.set(length, p);
    if (p < list.length) {
      const close = list[p];
      spans.push([start, runs[close][0] + length]);
      k = close + 1;
    } else {
      k++;
    }
  }
  return spans;
}

/** Whether [start, end) overlaps a span. Spans are sorted and disjoint: a binary search finds the one to test. */
function inSpans(spans: Array<[number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo][0] < end;
}

/** The candidate (sorted, disjoint) that contains [start, end), found by binary search. */
function containedIn(found: readonly Candidate[], start: number, end: number): boolean {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && found[lo - 1].end >= end;
}

/**
 * The closing `]` of every `[` on the line (-1 where none), in one pass with a stack: a scan
 * from each `[` to its close would take time quadratic in the nesting (`![![![…]]]`). Escaped
 * brackets have none. An array indexed by column, not a Map: a line of 500,000 brackets made
 * the Map's rehashing most of a check's time.
 */
function bracketCloses(line: string): Int32Array {
  const closes = new Int32Array(line.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 92 /* \ */) i++;
    else if (ch === 91 /* [ */) stack.push(i);
    else if (ch === 93 /* ] */ && stack.length > 0) closes[stack.pop() as number] = i;
  }
  return closes;
}

/** Where a task box `[ ]` would stand: right after the list marker that starts the line. */
function taskBoxStart(line: string): number {
  return /^\s*(?:[-*+]|\d+[.)])\s+/.exec(line)?.[0].length ?? -1;
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
    const closes = bracketCloses(line);
    const context: LineContext = { line, isReference, spans, firstText: line.length - line.trimStart().length, taskBox: taskBoxStart(line) };
    let i = line.indexOf('[');
    while (i !== -1) {
      const close = closes[i] !== -1 ? closes[i] : line[i - 1] === '\\' ? i : -1;
      if (close === -1) break;
      const start = i;
      const end = close + 1;
      const plain = close !== i && (inCode || isPlainBracket(context, start, end));
      if (plain) found.push({ text: line.slice(start, end), start, end });
      i = line.indexOf('[', plain ? end : start + 1);
    }
  }
  if (hasDate) {
    const dates: Candidate[] = [];
    for (const m of line.matchAll(DATE_TOKEN)) {
      const start = m.index;
      const end = start + m[0].length;
      if (inCode || !inSpans(spans, start, end)) {
        if (!containedIn(found, start, end)) dates.push({ text: m[0], start, end });
      }
    }
    // One by one: a spread of every date on a 1 MB line overflows the stack.
    for (const date of dates) found.push(date);
    found.sort((a, b) => a.start - b.start);
  }
  return found;
}

interface LineContext {
  readonly line: string;
  readonly isReference: (label: string) => boolean;
  readonly spans: Array<[number, number]>;
  /** Index of the line's first non-space character. */
  readonly firstText: number;
  /** Where a task box would start, or -1 when the line is no list item. */
  readonly taskBox: number;
}

function isPlainBracket({ line, isReference, spans, firstText, taskBox }: LineContext, start: number, end: number): boolean {
  if (start > 0 && line[start - 1] === '\\') return false;
  if (start > 0 && line[start - 1] === '!') return false;
  if (start > 0 && line[start - 1] === ']') return false;
  const next = line[end];
  if (next === '(' || next === '[') return false;
  if (next === ':' && start <= firstText) return false;
  const inner = line.slice(start + 1, end - 1);
  if (inner.trim() === '') return false;
  if (inner.startsWith('^')) return false;
  if (/^[ xX]$/.test(inner) && start === taskBox) return false;
  if (inSpans(spans, start, end)) return false;
  return !isReference(inner);
}
