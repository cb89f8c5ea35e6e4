import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { DIAGNOSTIC_CODES } from '../../../server/src/core/index.ts';
import { CONFIG_KEYS, CONFIG_NAMES } from '../../../server/src/policy/index.ts';
import { ROOT } from '../../helpers/core.ts';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { jsonValidation: Array<{ fileMatch: string[]; url: string }> };
};

void it('contributes the config file schema for both file names, and the schema knows what the parser knows', () => {
  const [validation] = manifest.contributes.jsonValidation;
  assert.deepEqual(validation.fileMatch, [...CONFIG_NAMES]);
  const schema = JSON.parse(readFileSync(path.join(ROOT, validation.url), 'utf8')) as {
    additionalProperties: boolean;
    properties: Record<string, { properties?: Record<string, unknown> }>;
  };
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
  assert.deepEqual(Object.keys(schema.properties.severity.properties ?? {}).sort(), [...DIAGNOSTIC_CODES].sort());
});
