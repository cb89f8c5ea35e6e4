/**
 * Glob matching for `files` and `templates` (settings and config file), against forward-slash
 * paths relative to a workspace folder. A pattern without a slash matches a file name at any
 * depth, as in `.gitignore`.
 *
 * The patterns come from the workspace, so a repository chooses them: a matcher that compiles
 * globs to backtracking regular expressions (picomatch, minimatch) takes exponential time on
 * `*a*a*a*a*a*a*a*a*a*a*a*b`, and bounding the glob's length does not help (that one is 24
 * characters). So this matcher is hand-written and never backtracks: a segment is matched by
 * advancing the set of pattern positions over the name's characters, and `**` the same way over
 * whole segments, in time proportional to pattern × path. It supports `*`, `?`, `**`, `[abc]`,
 * `[a-z]`, `[!a]` and `[^a]`, `{a,b}` (nested, at most 64 alternatives), `\` escapes and a
 * leading `!`.
 *
 * It means what picomatch (the CLI's globs) means with its default `dot: false`, which
 * `test/unit/policy/globPicomatch.test.ts` checks on generated globs and paths: a name starting
 * with `.` is matched only by a segment that starts with `.` or a class that matches `.`, and
 * `**` does not cross a folder whose name starts with `.` (`docs/**` leaves `docs/.drafts/`
 * out). Where it differs, on purpose: `[!a]` is a negated class, as in POSIX and `.gitignore`
 * (picomatch reads the characters `!` and `a`); picomatch's extended globs (`@(a|b)`) and POSIX
 * classes are not supported; and where picomatch contradicts itself (`a*` + `/**` missing the
 * folder `ab`, `**` before braces crossing folders, `*.*` missing `b.`) the general rule holds.
 */

/** Globs longer than this match nothing: a setting is a line, not a document. */
export const MAX_GLOB_LENGTH = 1000;
const MAX_ALTERNATIVES = 64;

/**
 * One element of a segment pattern. `leadingDot` says whether the token may match the `.` that
 * starts a name: a literal `.` and a class that matches `.` (`[.]`, `[^a]`) may, `?` and `*` may not.
 */
type Token = { readonly star: true } | { readonly star: false; readonly test: (c: string) => boolean; readonly leadingDot: boolean };
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
      return { token: { star: false, test, leadingDot: test('.') }, end: i + 1 };
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
      tokens.push({ star: false, test: () => true, leadingDot: false });
    } else if (c === '[' && readClass(glob, i, fold)) {
      const read = readClass(glob, i, fold)!;
      tokens.push(read.token);
      i = read.end - 1;
    } else {
      const literal = fold(c === '\\' && i + 1 < glob.length ? glob[++i] : c);
      tokens.push({ star: false, test: (ch) => fold(ch) === literal, leadingDot: literal === '.' });
    }
  }
  return tokens;
}

/**
 * Wildcard matching as a set of pattern positions advanced over the subject (an NFA run, no
 * backtracking): at most pattern × subject steps, whatever the pattern. `absorbs` says which
 * elements a star may take; an element no star may take must be matched by a token.
 */
function matchSequence<P, S>(
  pattern: readonly P[],
  subject: readonly S[],
  isStar: (p: P) => boolean,
  one: (p: P, s: S) => boolean,
  absorbs: (s: S) => boolean = () => true,
): boolean {
  let live = new Uint8Array(pattern.length + 1);
  let next = new Uint8Array(pattern.length + 1);
  // A star may match nothing: every position after a run of stars is live too.
  const close = (set: Uint8Array): void => {
    for (let p = 0; p < pattern.length; p++) if (set[p] && isStar(pattern[p])) set[p + 1] = 1;
  };
  live[0] = 1;
  close(live);
  for (const element of subject) {
    next.fill(0);
    let any = false;
    for (let p = 0; p < pattern.length; p++) {
      if (!live[p]) continue;
      if (isStar(pattern[p])) {
        if (absorbs(element)) {
          next[p] = 1;
          any = true;
        }
      } else if (one(pattern[p], element)) {
        next[p + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    [live, next] = [next, live];
  }
  return live[pattern.length] === 1;
}

/** A name starting with `.` is matched only by a segment that starts with a token allowing it. */
function matchSegment(tokens: readonly Token[], name: string): boolean {
  if (name.startsWith('.')) {
    const first = tokens[0];
    if (first === undefined || first.star || !first.leadingDot) return false;
  }
  return matchSequence(tokens, [...name], (t) => t.star, (t, c) => !t.star && t.test(c));
}

/** `**` crosses folders, but not one whose name starts with `.`. */
const hidden = (name: string): boolean => name.startsWith('.');

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
    const basename = anyDepth && !alternative.includes('/');
    // Against a file name, `**` is one more `*`.
    if (basename) return { basename, segments: [compileSegment(alternative, fold)] };
    const segments: Segment[] = alternative.split('/').filter((s, i, all) => s !== '' || i === 0 || i === all.length - 1)
      .map((s) => (s === '**' ? null : compileSegment(s, fold)));
    return { basename, segments };
  });
  return (relativePath) => {
    const names = relativePath.split('/');
    const hit = compiled.some(({ basename, segments }) =>
      basename
        ? matchSegment(segments[0] ?? [], names[names.length - 1])
        : matchSequence(segments, names, (s) => s === null, (s, name) => s !== null && matchSegment(s, name), (name) => !hidden(name)),
    );
    return hit !== negate;
  };
}

/** Whether `relativePath` (forward slashes) matches `glob`. An invalid glob matches nothing. */
export function matchesGlob(glob: string, relativePath: string): boolean {
  return compileGlob(glob, { nocase: typeof process !== 'undefined' && process.platform === 'win32' })(relativePath);
}
