import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { matchesGlob } from '../../../server/src/policy/glob.ts';
import { readMarkers } from '../../../server/src/policy/markers.ts';
import { isMarkdown, selectedByPath, selectWithMarkers } from '../../../server/src/policy/selection.ts';

const FOLDER = 'file:///ws';
const NO_MARKERS = { optIn: undefined, template: undefined };

function selected(relative: string | undefined, text = '', files: string[] = [], languageId = 'markdown'): boolean {
  const uri = relative === undefined ? 'untitled:Untitled-1' : `${FOLDER}/${relative}`;
  if (!isMarkdown(uri, languageId)) return false;
  const byPath = relative === undefined ? undefined : selectedByPath(uri, FOLDER, files.map((glob) => ({ base: FOLDER, glob })));
  const answer = selectWithMarkers(byPath, readMarkers(text));
  return answer !== undefined && answer !== 'opted-out';
}

describe('document selection', () => {
  it('selects ARCHITECTURE.md in any case anywhere in the folder', () => {
    assert.equal(selected('ARCHITECTURE.md'), true);
    assert.equal(selected('services/billing/architecture.md'), true);
    assert.equal(selected('services/billing/Architecture.md'), true);
  });

  it('selects .markdown files under docs/architecture/, and looks for that folder below the workspace folder only', () => {
    assert.equal(selected('docs/architecture/ledger.markdown'), true);
    assert.equal(selectedByPath('file:///docs/architecture/ws/notes.md', 'file:///docs/architecture/ws', []), undefined);
  });

  it('matches files globs relative to their own folder', () => {
    const globs = [{ base: 'file:///ws/sub', glob: 'design/*.md' }];
    assert.equal(selectedByPath('file:///ws/sub/design/a.md', 'file:///ws', globs), 'files');
    assert.equal(selectedByPath('file:///ws/design/a.md', 'file:///ws', globs), undefined);
  });

  it('selects markdown under docs/architecture/ but not other markdown', () => {
    assert.equal(selected('docs/architecture/ledger.md'), true);
    assert.equal(selected('docs/guide.md'), false);
    assert.equal(selected('README.md'), false);
  });

  it('selects files matching archdoc.files globs', () => {
    assert.equal(selected('design/api.md', '', ['design/*.md']), true);
    assert.equal(selected('design/deep/api.md', '', ['design/*.md']), false);
    assert.equal(selected('design/deep/api.md', '', ['design/**/*.md']), true);
  });

  it('selects any markdown document that opts in, files or not, and none that opts out', () => {
    assert.equal(selected('notes.md', '<!-- archdoc -->\n# Notes'), true);
    assert.equal(selected('notes.md', '---\narchdoc: true\n---\n# Notes'), true);
    assert.equal(selected(undefined, '<!-- archdoc -->\n# Untitled'), true);
    assert.equal(selected('ARCHITECTURE.md', '---\narchdoc: false\n---\n# Not this one'), false);
  });

  it('never selects a document that is not markdown', () => {
    assert.equal(selected('ARCHITECTURE.txt', '<!-- archdoc -->', [], 'plaintext'), false);
  });
});

describe('document markers', () => {
  it('reads a per-file template from front matter or from a comment', () => {
    assert.deepEqual(readMarkers('---\narchdoc-template: "../t/service.md"\n---\n# X'), { optIn: undefined, template: '../t/service.md' });
    assert.deepEqual(readMarkers('# X\n<!-- archdoc-template: t/service.md -->\n'), { optIn: undefined, template: 't/service.md' });
  });

  it('reads no template from an unclosed marker, and only a path that closes on its own line', () => {
    assert.deepEqual(readMarkers('<!-- archdoc-template:' + ' '.repeat(4000)), NO_MARKERS);
    assert.deepEqual(readMarkers('<!-- archdoc-template: a.md\n-->\n<!-- archdoc-template: b.md -->'), { optIn: undefined, template: 'b.md' });
    assert.deepEqual(readMarkers('<!-- archdoc-template: x'.repeat(5000) + '\n<!-- archdoc -->'), { optIn: true, template: undefined });
  });

  it('cuts a `#` comment after a front matter value without retrying each space', () => {
    assert.deepEqual(readMarkers('---\narchdoc-template: t.md   # the team one\n---\n'), { optIn: undefined, template: 't.md' });
    assert.deepEqual(readMarkers('---\narchdoc-template: a' + ' '.repeat(64_000) + 'b\n---\n'), { optIn: undefined, template: 'a' + ' '.repeat(64_000) + 'b' });
  });

  it('reads front matter as YAML: quotes, comments and booleans as YAML means them', () => {
    assert.deepEqual(readMarkers('---\narchdoc-template: "t/a b.md" # the team one\narchdoc: yes\n---\n'), { optIn: true, template: 't/a b.md' });
    assert.deepEqual(readMarkers("---\r\narchdoc: False\r\narchdoc-template: 'it''s.md'\r\n...\r\n"), { optIn: false, template: "it's.md" });
    assert.deepEqual(readMarkers('\uFEFF---\ntitle: x\narchdoc: true\n---\n'), { optIn: true, template: undefined });
  });

  it('reads nothing from front matter YAML cannot read, that never closes, or that is too large', () => {
    assert.deepEqual(readMarkers('---\narchdoc: [true\n---\n'), NO_MARKERS);
    assert.deepEqual(readMarkers('---\narchdoc: true\n# no closing line\n'), NO_MARKERS);
    assert.deepEqual(readMarkers('---\narchdoc: true\nnote: ' + 'x'.repeat(70_000) + '\n---\n'), NO_MARKERS);
  });

  it('does not take a suppression comment for an opt-in', () => {
    assert.deepEqual(readMarkers('<!-- archdoc-disable-next-line placeholder -->\n'), NO_MARKERS);
  });
});

describe('globs', () => {
  it('answers at once on patterns that make backtracking matchers exponential', () => {
    assert.equal(matchesGlob('*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(50)), false);
    assert.equal(matchesGlob('**/*a*a*a*a*a*a*a*a*b/**/x.md', Array.from({ length: 50 }, () => 'a'.repeat(40)).join('/')), false);
    assert.equal(matchesGlob('*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(50) + 'b'), true);
  });

  it('matches negations, nested braces and escapes, and refuses brace bombs', () => {
    assert.equal(matchesGlob('!docs/*.md', 'docs/a.md'), false);
    assert.equal(matchesGlob('!docs/*.md', 'src/a.md'), true);
    assert.equal(matchesGlob('{docs,design/{api,web}}/*.md', 'design/web/a.md'), true);
    assert.equal(matchesGlob('a\\*.md', 'a*.md'), true);
    assert.equal(matchesGlob('a\\*.md', 'ab.md'), false);
    assert.equal(matchesGlob('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.md', 'aaaaaaa.md'), false);
  });

  it('matches `*` within one folder, `**` across folders, `?`, braces and classes', () => {
    assert.equal(matchesGlob('docs/*.md', 'docs/a.md'), true);
    assert.equal(matchesGlob('docs/*.md', 'docs/x/a.md'), false);
    assert.equal(matchesGlob('**/design/*.md', 'a/b/design/c.md'), true);
    assert.equal(matchesGlob('docs/?.md', 'docs/a.md'), true);
    assert.equal(matchesGlob('*.{md,markdown}', 'x/y.markdown'), true);
    assert.equal(matchesGlob('adr-[0-9]*.md', 'adr-7-cache.md'), true);
  });

  it('matches a pattern without a slash against the file name at any depth', () => {
    assert.equal(matchesGlob('DESIGN.md', 'a/b/DESIGN.md'), true);
  });
});
