import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundledSchema, engine, ROOT } from '../../helpers/core.ts';

const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');
const TODAY = '2026-12-01';

describe('the engine face', () => {
  it('compiles the same template text once', () => {
    const text = readFileSync(path.join(ROOT, 'server', 'templates', 'ARCHITECTURE.md'), 'utf8');
    assert.equal(engine.compileTemplate(text), engine.compileTemplate(text));
  });

  it('fixes a misspelt heading and a short table row, and a second run changes nothing', () => {
    const broken = VALID.replace('## Security', '## Securty');
    assert.ok(engine.check(engine.analyze(broken, bundledSchema())).some((d) => d.code === 'heading-typo'));
    const first = engine.fix(broken, bundledSchema(), { today: TODAY });
    assert.equal(first.changed, true);
    assert.ok(first.rounds >= 1);
    assert.equal(first.text, VALID);
    assert.ok(!first.diagnostics.some((d) => d.code === 'heading-typo'));
    const second = engine.fix(first.text, bundledSchema(), { today: TODAY });
    assert.deepEqual({ changed: second.changed, rounds: second.rounds, text: second.text }, { changed: false, rounds: 0, text: first.text });
  });

  it('leaves a document without safe fixes as it is and reports its diagnostics', () => {
    const text = VALID.replace('## Security', '## Unrelated heading');
    const result = engine.fix(text, bundledSchema(), { today: TODAY });
    assert.equal(result.text, text);
    assert.equal(result.changed, false);
    assert.deepEqual(result.diagnostics, engine.check(engine.analyze(text, bundledSchema())));
  });

  it('stops after maxRounds', () => {
    const broken = VALID.replace('## Security', '## Securty');
    const result = engine.fix(broken, bundledSchema(), { today: TODAY, maxRounds: 0 });
    assert.equal(result.text, broken);
    assert.equal(result.rounds, 0);
  });
});
