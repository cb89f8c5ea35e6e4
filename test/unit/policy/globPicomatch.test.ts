/**
 * The `files` and `templates` globs mean what picomatch (which the CLI's globs go through)
 * says they mean, for the syntax the README documents: `*`, `?`, `**`, classes, braces, escapes
 * and a leading `!`, with names starting with `.` matched only by a pattern that names the dot
 * (picomatch's default, `dot: false`). A pattern without a slash is matched against the file
 * name, as picomatch does it with the file name alone. Globs and paths are generated from small
 * alphabets rich in dots, stars and separators, so that most cases sit on an edge.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { compileGlob, expandBraces } from '../../../server/src/policy/glob.ts';
import { check } from '../../reliability/helpers/property.ts';

/** What picomatch answers, with the basename rule for patterns without a slash. */
function reference(glob: string, path: string): boolean {
  const subject = glob.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1);
  return picomatch(glob, { dot: false })(subject);
}

// Where picomatch contradicts itself, and this matcher keeps the rule:
// - a trailing `/**` matches the folder itself (`a/**` matches `a`), except after a segment
//   ending in `*` (`a*/**` misses `ab`, though `a?/**` matches it);
// - `**` inside a segment is one more `*` (`a/**a` misses `a/x/a`), except before braces
//   (`a/**{a,b}` matches `a/x/a`);
// - `*` matches nothing at the end of a name (`a.*` matches `a.`), except in `*.*` (which misses `b.`).
const QUIRKS = [/\*\/\*\*$/, /\*\*\*/, /[^/]\*\*|\*\*[^/]/, /\*\.\*/];

const name = fc.constantFrom('a', 'b', 'ab', 'ba', 'a.b', '.a', '.b', '.ab', 'a.md', '.md', 'x-y', 'aa.md', '.git', 'b.');
const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((names) => names.join('/'));

const piece = fc.constantFrom('a', 'b', '.', 'md', '-', '*', '*', '?', '[ab]', '[^a]', '[a-c]', '[.]', '\\*', '{a,b}', '{a,.b}', '{.,a}');
const segment = fc.oneof(
  { weight: 5, arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.constant('**') },
);
const glob = fc
  .tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 4 }))
  .map(([negate, segments]) => (negate ? '!' : '') + segments.join('/'))
  // Left out: globs of more than 64 alternatives, which match nothing by design, and picomatch's
  // quirks, where its own answers disagree with each other (QUIRKS).
  .filter((g) => expandBraces(g) !== undefined && !QUIRKS.some((q) => q.test(g)));

describe('globs agree with picomatch', () => {
  it('on generated globs and paths full of dots, stars and separators', () => {
    check(
      fc.property(glob, path, (g, p) => {
        assert.equal(compileGlob(g)(p), reference(g, p), `glob ${JSON.stringify(g)} on ${JSON.stringify(p)}`);
      }),
      20_000,
    );
  });

  it('on the cases that decide the dot rule', () => {
    const cases: Array<[string, string]> = [
      ['*', '.a'],
      ['?a', '.a'],
      ['[.]a', '.a'],
      ['[^a]b', '.b'],
      ['.*', '.a'],
      ['*.md', '.md'],
      ['**', '.a/b'],
      ['**', 'a/.b'],
      ['**/x', '.a/x'],
      ['.a/**', '.a/b'],
      ['a/**', 'a/.b'],
      ['a/*/b', 'a/.x/b'],
      ['a/.*/b', 'a/.x/b'],
      ['**/.*', 'x/.y'],
      ['docs/**/*.md', 'docs/.drafts/a.md'],
      ['docs/**/*.md', 'docs/a/b.md'],
      ['a/**/b', 'a/b'],
      ['{.a,b}', '.a'],
    ];
    for (const [g, p] of cases) assert.equal(compileGlob(g)(p), reference(g, p), `glob ${g} on ${p}`);
  });

  it('reads `[!a]` as a negated class, as POSIX and .gitignore do (picomatch reads the characters `!` and `a`)', () => {
    assert.equal(compileGlob('b[!a]')('bc'), true);
    assert.equal(compileGlob('b[!a]')('ba'), false);
    assert.equal(reference('b[!a]', 'bc'), false);
    assert.equal(reference('b[!a]', 'b!'), true);
  });
});
