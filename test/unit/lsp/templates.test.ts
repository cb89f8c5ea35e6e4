import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/lsp/settings.ts';
import { chooseTemplate } from '../../../server/src/lsp/templates.ts';

const FOLDER = path.resolve('/ws');

function choose(relative: string, settings: unknown, template?: string): string | undefined {
  return chooseTemplate({
    filePath: path.join(FOLDER, relative),
    folder: FOLDER,
    markers: { optIn: undefined, template },
    settings: normalizeSettings(settings),
  }).path;
}

describe('template choice', () => {
  it('uses the bundled template when nothing is configured', () => {
    assert.equal(choose('ARCHITECTURE.md', {}), undefined);
  });

  it('resolves archdoc.template against the workspace folder', () => {
    assert.equal(choose('docs/x/ARCHITECTURE.md', { template: 'templates/arch.md' }), path.join(FOLDER, 'templates/arch.md'));
  });

  it('prefers the first matching archdoc.templates glob over archdoc.template', () => {
    const settings = { template: 'default.md', templates: { 'services/**': 'service.md', '**/*.md': 'any.md' } };
    assert.equal(choose('services/a/ARCHITECTURE.md', settings), path.join(FOLDER, 'service.md'));
    assert.equal(choose('lib/ARCHITECTURE.md', settings), path.join(FOLDER, 'any.md'));
  });

  it("prefers the document's own marker, resolved against the document's folder", () => {
    assert.equal(choose('docs/a/ARCHITECTURE.md', { template: 'default.md' }, '../t.md'), path.join(FOLDER, 'docs/t.md'));
  });
});

describe('settings', () => {
  it('fills in defaults for absent or mistyped values', () => {
    assert.deepEqual(normalizeSettings({ maxFileSize: 'big', files: 'x', completion: { insertSkeleton: 'no' } }), DEFAULT_SETTINGS);
  });

  it('reads severities nested or as flat dotted keys, and ignores unknown names', () => {
    const settings = normalizeSettings({ severity: { placeholder: 'hint', 'not-a-code': 'error' }, 'severity.template-text': 'off', 'severity.missing-section': 'loud' });
    assert.deepEqual(settings.severity, { placeholder: 'hint', 'template-text': 'off' });
  });
});
