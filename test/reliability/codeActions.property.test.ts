/**
 * Quick fixes over generated documents, in process: every fix offered for a diagnostic applies
 * cleanly (as a client applies it), removes what it targets, adds no warning or error, and
 * edits only the text it names; the fix-all action reaches a fixed point.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bundledSchema } from '../helpers/core.ts';
import { document } from './helpers/documents.ts';
import { assertEveryFix, fixAllRounds } from './helpers/fixes.ts';
import { check } from './helpers/property.ts';

describe('quick fixes over generated documents', () => {
  it('apply cleanly, resolve what they target, add no warning or error and edit only what they name', (t) => {
    const schema = bundledSchema();
    let fixes = 0;
    check(
      fc.property(document, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (text, picks) => {
        fixes += assertEveryFix(text, schema, picks);
      }),
      300,
    );
    assert.ok(fixes > 300, `only ${fixes} fixes were exercised`);
    t.diagnostic(`${fixes} fixes applied`);
  });

  it('fix-all reaches a fixed point, each round resolving what it claims and adding nothing', () => {
    const schema = bundledSchema();
    check(
      fc.property(document, (text) => {
        fixAllRounds(text, schema);
      }),
      300,
    );
  });
});
