/**
 * One reading of the document's Status: whether it is a draft (guidance reported more quietly)
 * and the drift severity of the repository checks come from the same field, where the template
 * puts it, never from a section's prose or a decision record's own Status.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDraft } from '../../../server/src/core/check.ts';
import { documentStatus } from '../../../server/src/core/analysis/repository/sections.ts';
import { bundledSchema, engine, ROOT } from '../../helpers/core.ts';

const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');

function read(text: string): { draft: boolean; status: ReturnType<typeof documentStatus> } {
  const analysis = engine.analyze(text, bundledSchema());
  return { draft: isDraft(analysis), status: documentStatus(analysis) };
}

test('the footer Status, with emphasis or a note after it, is the document state for both', () => {
  for (const written of ['Draft', '**Draft**', 'Draft (until the review)', 'Draft - v2']) {
    assert.deepEqual(read(VALID.replace('**Status**: Active', `**Status**: ${written}`)), { draft: true, status: 'draft' }, written);
  }
  assert.deepEqual(read(VALID), { draft: false, status: 'active' });
  assert.deepEqual(read(VALID.replace('**Status**: Active', '**Status**: Deprecated')), { draft: false, status: 'deprecated' });
});

test("a Status in a section's prose or a decision record's is not the document's", () => {
  const withoutFooter = VALID.replace('**Status**: Active\n', '');
  const inProse = withoutFooter.replace('Orbit Ledger records every money movement', '**Status:** Draft\n\nOrbit Ledger records every money movement');
  assert.deepEqual(read(inProse), { draft: false, status: undefined });
  const inDecision = withoutFooter.replace('- **Context**: We need strict transactions across postings', '- **Status**: Draft\n- **Context**: We need strict transactions across postings');
  assert.deepEqual(read(inDecision), { draft: false, status: undefined });
});
