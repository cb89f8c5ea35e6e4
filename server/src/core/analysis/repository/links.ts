/**
 * Repository paths a document points to: relative links (`[text](../src/app.ts)`, reference
 * definitions) and paths in backticks with a `/` (`server/src/cli.ts`, `docs/`). External
 * URLs, anchors, absolute paths, globs and placeholders are not paths of the repository, and a
 * path given as an example (`e.g. src/foo/`) is not a claim about it.
 */
import type { Analysis } from '../../types.ts';
import { templateLines } from './sections.ts';

export interface PathMention {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The path as written, anchor and query removed. */
  readonly target: string;
  /** Links resolve from the document's folder; backticked paths from the root or the document's folder. */
  readonly kind: 'link' | 'code';
}

const LINK = /\]\(\s*<?([^()\s<>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
const CODE = /`([^`\s]+)`/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PATTERN = /[*?<>{}[\]$…|]|\.\.\.|@/;
const EXAMPLE_BEFORE = /(?:\be\.g\.|\bi\.e\.|\bfor example|\bfor instance|\bsuch as|\blike|\bexample:?)[\s,:(]*$/i;
const PATH_SHAPE = /^[\w.-]+(?:\/[\w.-]+)*\/?$/;

function linkTarget(raw: string): string | undefined {
  if (SCHEME.test(raw) || raw.startsWith('#') || raw.startsWith('//')) return undefined;
  const cut = raw.search(/[#?]/);
  const bare = cut < 0 ? raw : raw.slice(0, cut);
  if (bare === '') return undefined;
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/** Whether a backticked text reads as a repository path rather than a name that has a slash (`archdoc/outline`). */
function looksLikePath(text: string, exists: (first: string) => boolean): boolean {
  if (!text.includes('/') || text.startsWith('/') || text.startsWith('~') || PATTERN.test(text) || !PATH_SHAPE.test(text)) return false;
  const last = text.replace(/\/$/, '').split('/').pop() ?? '';
  return text.endsWith('/') || /\.[A-Za-z0-9]{1,8}$/.test(last) || exists(text.split('/')[0]);
}

/**
 * The path mentions on prose lines (code blocks and the template's own lines left out).
 * `exists` tells whether a first path segment names something at the root or beside the document.
 */
export function pathMentions(a: Analysis, exists: (first: string) => boolean): PathMention[] {
  const out: PathMention[] = [];
  const template = templateLines(a);
  const { lines, codeLines } = a.model;
  for (let line = 0; line < lines.length; line++) {
    if (codeLines[line] || template.has(line)) continue;
    const text = lines[line];
    if (!text.includes('/') && !text.includes('](') && !text.includes(']:')) continue;
    const definition = DEFINITION.exec(text);
    if (definition) {
      const target = linkTarget(definition[1]);
      const start = text.indexOf(definition[1]);
      if (target) out.push({ line, start, end: start + definition[1].length, target, kind: 'link' });
    }
    for (const m of text.matchAll(LINK)) {
      const target = linkTarget(m[1]);
      const start = m.index + m[0].indexOf(m[1]);
      if (target && !EXAMPLE_BEFORE.test(text.slice(0, m.index))) out.push({ line, start, end: start + m[1].length, target, kind: 'link' });
    }
    for (const m of text.matchAll(CODE)) {
      if (!looksLikePath(m[1], exists) || EXAMPLE_BEFORE.test(text.slice(0, m.index))) continue;
      out.push({ line, start: m.index + 1, end: m.index + 1 + m[1].length, target: m[1], kind: 'code' });
    }
  }
  return out;
}
