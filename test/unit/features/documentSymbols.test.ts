import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../../../server/src/core/features/documentSymbols.ts';
import { engine } from '../../helpers/core.ts';
import type { Analysis } from '../../../server/src/core/types.ts';
import { analyzed, doc } from './helpers.ts';

function symbolsOf(analysis: Analysis): DocumentSymbol[] {
  return documentSymbols(analysis, engine.check(analysis));
}

/** `name (detail)` per symbol, children indented, for compact expectations. */
function render(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...render(s.children ?? [], depth + 1)]);
}

function check(text: string, expected: string[]): DocumentSymbol[] {
  const symbols = symbolsOf(analyzed(text));
  assert.deepEqual(render(symbols), expected);
  return symbols;
}

describe('document symbols', () => {
  it('nests sections by level and lists entries as children of their section', () => {
    const text = doc(
      '# Orbit',
      '',
      '## Data Model',
      '',
      '### Entities',
      '',
      '**Account**',
      '- **id**: uuid',
      '',
      '**Posting**',
      '- **amount**: integer',
      '',
      '### Relationships',
      '',
      '- Account has postings',
    );
    const symbols = symbolsOf(analyzed(text));
    const entities = symbols[0].children?.[0].children?.[0];
    assert.equal(entities?.name, 'Entities');
    assert.deepEqual(entities?.children?.map((c) => [c.name, c.detail]), [
      ['Account', 'Entity'],
      ['Posting', 'Entity'],
    ]);
    assert.equal(symbols[0].children?.[0].children?.[1].name, 'Relationships');
  });

  it("gives each template section's state as the Architecture view shows it", () => {
    check(doc('# Orbit', '', '## Overview', '', 'Built on YYYY-MM-DD.', '', '### Notes', '', 'By [TODO].', '', '## Security', '', 'Locked down.', ''), [
      'Orbit (missing 14 sections)',
      '  Overview (1 placeholder left)',
      '    Notes',
      '  Security (done, missing 3 sections)',
    ]);
  });

  it('says how many required subsections a section is missing', () => {
    const symbols = symbolsOf(analyzed(doc('# Orbit', '', '## Data Model', '', '### Entities', '', 'Accounts.', '')));
    assert.equal(symbols[0].children?.[0].detail, 'done, missing 1 section');
  });

  it('says which decision records lack required fields', () => {
    const text = doc('# Orbit', '', '## Decision Log', '', '### Major Architectural Decisions', '', '**2024-01-02 - Use Postgres**', '- **Context**: Growth', '');
    const decision = symbolsOf(analyzed(text))[0].children?.[0].children?.[0].children?.[0];
    assert.equal(decision?.detail, 'Decision, missing 4 fields');
    assert.equal(decision?.kind, SymbolKind.Event);
  });

  it('gives every symbol a selection range inside its range, and a name even for an empty heading', () => {
    const symbols = symbolsOf(analyzed(doc('# Orbit', '', '##', '', 'Text.', '', '## Overview', '', 'More.')));
    const all = (list: readonly DocumentSymbol[]): DocumentSymbol[] => list.flatMap((s) => [s, ...all(s.children ?? [])]);
    for (const s of all(symbols)) {
      assert.ok(s.name.length > 0);
      assert.ok(s.selectionRange.start.line >= s.range.start.line && s.selectionRange.end.line <= s.range.end.line, s.name);
    }
    assert.deepEqual(symbols[0].children?.map((s) => s.name), ['(untitled)', 'Overview']);
    assert.deepEqual(symbols[0].children?.[0].range, { start: { line: 2, character: 0 }, end: { line: 5, character: 0 } });
  });
});
