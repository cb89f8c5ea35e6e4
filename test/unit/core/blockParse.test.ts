import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt, { type Env, type Token } from 'markdown-it';
import { parseBlocks } from '../../../server/src/core/parse/markdown.ts';
import { ROOT } from '../../helpers/core.ts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const spec = (require('commonmark-spec') as { tests: Array<{ markdown: string }> }).tests;

test('block tokens are the ones a stock markdown-it instance produces, field for field', () => {
  const stock = MarkdownIt('default', { html: true, linkify: false, typographer: false });
  stock.core.ruler.disable(['inline', 'text_join', 'linkify', 'replacements', 'smartquotes']);
  const ledger = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');
  // The ledger repeated is long enough to be handed over in several runs of blocks.
  const texts = [...spec.map((t) => t.markdown), ledger, ledger.repeat(40)];
  for (const text of texts) {
    const ours: Token[] = [];
    const theirEnv: Env = {};
    const references = parseBlocks(text, (tokens) => ours.push(...tokens));
    const theirs = stock.parse(text, theirEnv);
    assert.deepStrictEqual(ours, theirs, text);
    assert.deepEqual([...references], Object.keys(theirEnv.references ?? {}));
    assert.deepEqual(ours.map((t) => Object.keys(t)), theirs.map((t) => Object.keys(t)));
  }
});
