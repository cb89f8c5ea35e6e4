import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DEFAULT_SETTINGS, normalizeSettings, restrictSettings } from '../../../server/src/lsp/settings.ts';
import { chooseTemplate, TemplateStore } from '../../../server/src/lsp/templates.ts';
import { createLanguageService } from '../../../server/src/core/index.ts';

const FOLDER = path.resolve('/ws');

function choose(relative: string, settings: unknown, template?: string): string | undefined {
  return chooseTemplate({
    filePath: path.join(FOLDER, relative),
    folder: FOLDER,
    markers: { optIn: undefined, template },
    settings: normalizeSettings(settings),
    trusted: true,
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

describe('template choice for documents without a file', () => {
  const untitled = (template: string | undefined, trusted: boolean, configured = ''): string | undefined =>
    chooseTemplate({ filePath: undefined, folder: undefined, markers: { optIn: true, template }, settings: normalizeSettings({ template: configured }), trusted }).path;

  it('never resolves a relative path against the working directory', () => {
    assert.equal(untitled('team.md', true), undefined);
    assert.equal(untitled(undefined, true, 'templates/team.md'), undefined);
  });

  it('reads an absolute path only in a trusted workspace', () => {
    assert.equal(untitled(path.resolve('/t/team.md'), true), path.resolve('/t/team.md'));
    assert.equal(untitled(path.resolve('/t/team.md'), false), undefined);
    assert.equal(untitled(undefined, false, path.resolve('/t/team.md')), undefined);
  });
});

describe('reading template files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-template-read-'));
  const store = new TemplateStore(createLanguageService(), { bundledPath: path.join(dir, 'none.md'), trusted: true });
  const error = async (file: string): Promise<string> => {
    const outcome = await store.load({ path: file, label: path.basename(file) }, dir);
    assert.equal(outcome.ok, false);
    return outcome.ok ? '' : outcome.error;
  };

  it('refuses Latin-1 and UTF-16 text, as the CLI does', async () => {
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('# R\u00e9sum\u00e9\n', 'latin1'));
    assert.match(await error(path.join(dir, 'latin1.md')), /is not valid UTF-8 text/);
    writeFileSync(path.join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title\n', 'utf16le')]));
    assert.match(await error(path.join(dir, 'utf16.md')), /is UTF-16 text/);
  });

  it('refuses a FIFO and a link to /dev/zero at once, without reading them', async () => {
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    assert.match(await error(path.join(dir, 'fifo.md')), /is a FIFO/);
    assert.match(await error(path.join(dir, 'zero.md')), /is a device/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('settings', () => {
  it('in an untrusted workspace, lets archdoc.maxFileSize lower the limit but not raise it', () => {
    assert.equal(restrictSettings(normalizeSettings({ maxFileSize: 1e9 }), false).maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(restrictSettings(normalizeSettings({ maxFileSize: 1000 }), false).maxFileSize, 1000);
    assert.equal(restrictSettings(normalizeSettings({ maxFileSize: 1e9 }), true).maxFileSize, 1e9);
  });

  it('fills in defaults for absent or mistyped values', () => {
    assert.deepEqual(normalizeSettings({ maxFileSize: 'big', files: 'x', completion: { insertSkeleton: 'no' } }), DEFAULT_SETTINGS);
  });

  it('reads severities nested or as flat dotted keys, and ignores unknown names', () => {
    const settings = normalizeSettings({ severity: { placeholder: 'hint', 'not-a-code': 'error' }, 'severity.template-text': 'off', 'severity.missing-section': 'loud' });
    assert.deepEqual(settings.severity, { placeholder: 'hint', 'template-text': 'off' });
  });
});
