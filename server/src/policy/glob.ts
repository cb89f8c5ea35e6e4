/**
 * Glob matching for `files` and `templates` (settings and config file), against forward-slash
 * paths relative to a workspace folder. A pattern without a slash matches a file name at any
 * depth, as in `.gitignore`.
 *
 * The patterns come from the workspace, so a repository chooses them: a matcher that compiles
 * globs to backtracking regular expressions (picomatch, minimatch) takes exponential time on
 * `*a*a*a*a*a*a*a*a*a*a*a*b`. This one never backtracks more than one wildcard: within a path
 * segment `*` is matched by the classic greedy algorithm (time proportional to pattern × name),
 * and `**` is matched the same way over whole segments. It supports `*`, `?`, `**`, `[abc]`,
 * `[a-z]`, `[!a]`, `{a,b}` (nested, at most 64 alternatives), `\` escapes and a leading `!`.
 */

/** Globs longer than this match nothing: a setting is a line, not a document. */
export const MAX_GLOB_LENGTH = 1000;
const MAX_ALTERNATIVES = 64;

type Token = { readonly star: true } | { readonly star: false; readonly test: (c: string) => boolean };
/** A compiled segment: `null` is `**`, which matches any number of path segments. */
type Segment = readonly Token[] | null;

const STAR: Token = { star: true };

/** Reads `[...]` starting at `open`; returns the token and the index after `]`, or undefined when unclosed. */
function readClass(glob: string, open: number, fold: (c: string) => string): { token: Token; end: number } | undefined {
  let i = open + 1;
  const negate = glob[i] === '!' || glob[i] === '^';
  if (negate) i++;
  const ranges: Array<[string, string]> = [];
  let first = true;
  for (; i < glob.length; i++) {
    let c = glob[i];
    if (c === ']' && !first) {
      const test = (ch: string): boolean => {
        const x = fold(ch);
        return ranges.some(([lo, hi]) => x >= lo && x <= hi) !== negate;
      };
      return { token: { star: false, test }, end: i + 1 };
    }
    first = false;
    if (c === '\\' && i + 1 < glob.length) c = glob[++i];
    if (glob[i + 1] === '-' && i + 2 < glob.length && glob[i + 2] !== ']') {
      ranges.push([fold(c), fold(glob[i + 2])]);
      i += 2;
    } else {
      ranges.push([fold(c), fold(c)]);
    }
  }
  return undefined;
}

function compileSegment(glob: string, fold: (c: string) => string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (tokens.at(-1) !== STAR) tokens.push(STAR);
    } else if (c === '?') {
      tokens.push({ star: false, test: () => true });
    } else if (c === '[' && readClass(glob, i, fold)) {
      const read = readClass(glob, i, fold)!;
      tokens.push(read.token);
      i = read.end - 1;
    } else {
      const literal = fold(c === '\\' && i + 1 < glob.length ? glob[++i] : c);
      tokens.push({ star: false, test: (ch) => fold(ch) === literal });
    }
  }
  return tokens;
}

/**
 * Greedy wildcard matching with one remembered star: when a later element fails, only the
 * most recent star takes one more element. This is exact for patterns whose other tokens each
 * match one element, and takes at most pattern × subject steps.
 */
function matchSequence<P, S>(pattern: readonly P[], subject: readonly S[], isStar: (p: P) => boolean, one: (p: P, s: S) => boolean): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < subject.length) {
    if (p < pattern.length && !isStar(pattern[p]) && one(pattern[p], subject[s])) {
      p++;
      s++;
    } else if (p < pattern.length && isStar(pattern[p])) {
      starP = p++;
      starS = s;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}

function matchSegment(tokens: readonly Token[], name: string): boolean {
  return matchSequence(tokens, [...name], (t) => t.star, (t, c) => !t.star && t.test(c));
}

/** Expands `{a,b}` groups, innermost last; undefined when there would be too many alternatives. */
export function expandBraces(glob: string): string[] | undefined {
  let open = -1;
  let depth = 0;
  const commas: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{' && depth++ === 0) open = i;
    else if (c === ',' && depth === 1) commas.push(i);
    else if (c === '}' && depth > 0 && --depth === 0) {
      if (commas.length === 0) {
        open = -1;
        continue;
      }
      const bounds = [open, ...commas, i];
      const head = glob.slice(0, open);
      const tail = glob.slice(i + 1);
      const result: string[] = [];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const expanded = expandBraces(head + glob.slice(bounds[k] + 1, bounds[k + 1]) + tail);
        if (!expanded || result.length + expanded.length > MAX_ALTERNATIVES) return undefined;
        result.push(...expanded);
      }
      return result;
    }
  }
  return [glob];
}

/** A compiled glob: a predicate over forward-slash relative paths. Invalid globs match nothing. */
export function compileGlob(glob: string, options: { readonly nocase?: boolean } = {}): (relativePath: string) => boolean {
  if (glob.length > MAX_GLOB_LENGTH) return () => false;
  const negate = glob.startsWith('!');
  const body = (negate ? glob.slice(1) : glob).replace(/^(?:\.\/)+/, '');
  const alternatives = expandBraces(body);
  if (!alternatives) return () => false;
  const fold = options.nocase ? (c: string) => c.toLowerCase() : (c: string) => c;
  // As in picomatch's `basename` option: only a pattern written without a slash matches names at any depth.
  const anyDepth = !glob.includes('/');
  const compiled = alternatives.map((alternative) => {
    const basename = anyDepth && !alternative.includes('/') && alternative !== '**';
    const segments: Segment[] = alternative.split('/').filter((s, i, all) => s !== '' || i === 0 || i === all.length - 1)
      .map((s) => (s === '**' ? null : compileSegment(s, fold)));
    return { basename, segments };
  });
  return (relativePath) => {
    const names = relativePath.split('/');
    const hit = compiled.some(({ basename, segments }) =>
      basename
        ? matchSegment(segments[0] ?? [], names[names.length - 1])
        : matchSequence(segments, names, (s) => s === null, (s, name) => s !== null && matchSegment(s, name)),
    );
    return hit !== negate;
  };
}

/** Whether `relativePath` (forward slashes) matches `glob`. An invalid glob matches nothing. */
export function matchesGlob(glob: string, relativePath: string): boolean {
  return compileGlob(glob, { nocase: typeof process !== 'undefined' && process.platform === 'win32' })(relativePath);
}
