/**
 * Fixture files carry their expectations inline (`<!-- expect: code -->` on the offending line).
 * Each fixture must produce exactly the expected (line, code) pairs: nothing missing, nothing extra.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { diagnose, pairs, readFixture, ROOT } from '../../helpers/core.ts';

for (const dir of ['rules', 'valid', 'patterns']) {
  const folder = path.join(ROOT, 'test', 'fixtures', dir);
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) {
    test(`fixture ${dir}/${name} reports exactly its inline expectations`, () => {
      const { text, expected } = readFixture(readFileSync(path.join(folder, name), 'utf8'));
      if (dir === 'valid') assert.deepEqual(expected, [], 'valid fixtures carry no expectations');
      assert.deepEqual(pairs(diagnose(text)), expected);
    });
  }
}
