/**
 * Comments that silence diagnostics:
 * `<!-- archdoc-disable-next-line [codes] -->`, `<!-- archdoc-disable-line [codes] -->`,
 * `<!-- archdoc-disable-file [codes] -->`, and the pair `<!-- archdoc-disable [codes] -->` …
 * `<!-- archdoc-enable [codes] -->`. No codes means every code.
 */
import type { Suppressions } from '../types.ts';

const DIRECTIVE = /<!--\s*archdoc-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

export function readSuppressions(lines: readonly string[], fenceContent: Uint8Array): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const file = new Set<string>();
  const open = new Map<string, number>();
  const add = (line: number, codes: readonly string[]): void => {
    const set = byLine.get(line) ?? new Set<string>();
    for (const c of codes) set.add(c);
    byLine.set(line, set);
  };
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    if (fenceContent[line] || !text.includes('archdoc-')) continue;
    for (const m of text.matchAll(DIRECTIVE)) {
      const codes = m[2].split(/[\s,]+/).filter(Boolean);
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
          for (const c of list) closeRange(c, line);
          break;
      }
    }
  }
  function closeRange(code: string, line: number): void {
    const targets = code === '*' ? [...open.keys()] : [code];
    for (const c of targets) {
      const from = open.get(c);
      if (from === undefined) continue;
      for (let l = from; l <= line; l++) add(l, [c]);
      open.delete(c);
    }
  }
  for (const c of [...open.keys()]) closeRange(c, lines.length);
  return { lines: byLine, file };
}

/** Whether a diagnostic with `code` on `line` is silenced. */
export function isSuppressed(s: Suppressions, code: string, line: number): boolean {
  if (s.file.has('*') || s.file.has(code)) return true;
  const set = s.lines.get(line);
  return set !== undefined && (set.has('*') || set.has(code));
}
