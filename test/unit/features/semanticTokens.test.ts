import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { semanticTokens, SEMANTIC_TOKENS_LEGEND } from '../../../server/src/core/features/semanticTokens.ts';
import { analyzed, doc } from './helpers.ts';

/** The tokens decoded to `line:character:length:modifiers`. */
function decode(data: readonly number[]): string[] {
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, bit) => (data[i + 4] >> bit) & 1);
    out.push(`${line}:${character}:${data[i + 2]}:${modifiers.join('+') || '-'}`);
  }
  return out;
}

describe('semantic tokens', () => {
  it('marks each placeholder, with dates and choices told apart, relative to the one before', () => {
    const text = doc('# Orbit', '', 'For [Project Name] and [TODO].', '', '**Status**: [Draft | Active | Deprecated]', '**Last Updated**: YYYY-MM-DD', '');
    assert.deepEqual(decode(semanticTokens(analyzed(text)).data), ['2:4:14:-', '2:23:6:-', '4:12:29:choice', '5:18:10:date']);
  });

  it('marks nothing in a document without placeholders', () => {
    assert.deepEqual(semanticTokens(analyzed(doc('# Orbit', '', '## Overview', '', 'Links like [the guide](x.md) are text.'))).data, []);
  });
});
