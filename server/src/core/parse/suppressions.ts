/**
 * Comments that silence diagnostics:
 * `<!-- archdoc-disable-next-line [codes] -->`, `<!-- archdoc-disable-line [codes] -->`,
 * `<!-- archdoc-disable-file [codes] -->`, and the pair `<!-- archdoc-disable [codes] -->` …
 * `<!-- archdoc-enable [codes] -->`. No codes means every code.
 *
 * A disabled stretch is kept as a range per code, not as a set per line: one comment naming
 * thousands of codes over thousands of lines must not cost codes × lines.
 */
import type { Suppressions } from '../types.ts';

/** The arguments stop at the first `<` or `>`, so that a line of unclosed directives is scanned once. */
const DIRECTIVE = /<!--\s*archdoc-(disable-next-line|disable-line|disable-file|disable|enable)\b([^<>]*)>/g;

export function readSuppressions(lines: readonly string[], fenceContent: Uint8Array): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const file = new Set<string>();
  const ranges = new Map<string, Array<[number, number]>>();
  const open = new Map<string, number>();
  const add = (line: number, codes: readonly string[]): void => {
    const set = byLine.get(line) ?? new Set<string>();
    for (const c of codes) set.add(c);
    byLine.set(line, set);
  };
  const closeRange = (code: string, line: number): void => {
    const from = open.get(code);
    if (from === undefined) return;
    const list = ranges.get(code);
    if (list) list.push([from, line]);
    else ranges.set(code, [[from, line]]);
    open.delete(code);
  };
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    if (fenceContent[line] || !text.includes('archdoc-')) continue;
    for (const m of text.matchAll(DIRECTIVE)) {
      if (!m[2].endsWith('--')) continue;
      const codes = m[2].slice(0, -2).split(/[\s,]+/).filter(Boolean);
      const list = codes.length ? codes : ['*'];
      switch (m[1]) {
        case 'disable-next-line':
          add(line + 1, list);
          break;
        case 'disable-line':
          add(line, list);
          break;
        case 'disable-file':
          for (const c of list) file.add(c);
          break;
        case 'disable':
          for (const c of list) if (!open.has(c)) open.set(c, line);
          break;
        case 'enable':
          for (const c of list.includes('*') ? [...open.keys()] : list) closeRange(c, line);
          break;
      }
    }
  }
  for (const c of [...open.keys()]) closeRange(c, lines.length);
  return { lines: byLine, file, ranges };
}

/** Whether `line` falls in one of the ranges, which are sorted and disjoint: a binary search. */
function inRanges(list: ReadonlyArray<readonly [number, number]> | undefined, line: number): boolean {
  if (!list) return false;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid][1] < line) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo][0] <= line;
}

/** Whether a diagnostic with `code` on `line` is silenced. */
export function isSuppressed(s: Suppressions, code: string, line: number): boolean {
  if (s.file.has('*') || s.file.has(code)) return true;
  const set = s.lines.get(line);
  if (set !== undefined && (set.has('*') || set.has(code))) return true;
  return inRanges(s.ranges.get(code), line) || inRanges(s.ranges.get('*'), line);
}
