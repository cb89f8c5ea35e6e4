/**
 * A section the document declares not applicable is present in the one section state: the
 * outline, the hover, the document symbols and the written count agree it is not missing.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../../../server/src/core/features/documentSymbols.ts';
import { hover } from '../../../server/src/core/features/hover.ts';
import { outline } from '../../../server/src/core/features/outline.ts';
import { sectionStates } from '../../../server/src/core/sectionState.ts';
import type { OutlineNode } from '../../../server/src/protocol.ts';
import { engine, ROOT } from '../../helpers/core.ts';
import { analyzed, TODAY } from './helpers.ts';

const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');
/** Deployment says so in its body (its subsections gone), Monitoring by a marker, with no heading. */
const TEXT = VALID.replace(/\n## Deployment\n[\s\S]*?(?=\n## Monitoring)/, '\n## Deployment\n\nN/A: the ledger ships as a library inside the payments monolith.\n').replace(
  /\n## Monitoring and Observability\n[\s\S]*?(?=\n## Decision Log)/,
  '\n<!-- archdoc: not-applicable Monitoring and Observability -->\n',
);

function find(nodes: readonly OutlineNode[], title: string): OutlineNode | undefined {
  for (const n of nodes) {
    if (n.title === title) return n;
    const child = find(n.children, title);
    if (child) return child;
  }
  return undefined;
}

describe('sections declared not applicable', () => {
  const analysis = analyzed(TEXT);
  const diagnostics = engine.check(analysis);

  it('are reported by no rule', () => {
    assert.deepEqual(diagnostics.map((d) => String(d.code)), []);
  });

  it('count as present and written in the outline and the status count, with what the template puts under them', () => {
    const result = outline(analysis, diagnostics);
    for (const title of ['Deployment', 'Build Process', 'Rollback Procedure', 'Monitoring and Observability', 'Metrics', 'Error Tracking']) {
      const node = find(result.nodes, title);
      assert.equal(node?.state, 'done', title);
      assert.equal(node?.description, 'not applicable', title);
    }
    assert.equal(result.sectionsWritten, result.sectionsRequired);
    const states = sectionStates(analysis, diagnostics);
    assert.equal(states.written, states.required);
    assert.equal(states.of(analysis.schema.byId.get('monitoring-and-observability/logging')!), 'done');
  });

  it('say "not applicable" in the hover and the symbols, and nothing missing beneath', () => {
    const line = TEXT.split('\n').indexOf('## Deployment');
    const shown = hover(analysis, { line, character: 4 }, { today: TODAY, diagnostics });
    assert.match(JSON.stringify(shown?.contents), /State: not applicable\./);
    const deployment = (documentSymbols(analysis, diagnostics) as DocumentSymbol[]).flatMap((s) => [s, ...(s.children ?? [])]).find((s) => s.name.endsWith('Deployment'));
    assert.equal(deployment?.detail, 'not applicable');
  });

  it('still say "missing" where nothing declares them', () => {
    const other = analyzed(TEXT.replace('N/A: the ledger', 'The ledger'));
    const result = outline(other, engine.check(other));
    assert.equal(find(result.nodes, 'Build Process')?.state, 'missing');
    assert.equal(find(result.nodes, 'Deployment')?.description, 'done');
  });
});
