import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings, parseConfig, Policy, TemplateLoader, TemplateRegistry } from '../../../server/src/policy/index.ts';
import { restrictSettings } from '../../../server/src/policy/settings.ts';
import { NodeWorkspace, pathToUri } from '../../../server/src/node/workspace.ts';
import { engine } from '../../helpers/core.ts';
import { MemoryWorkspace } from '../../helpers/memoryWorkspace.ts';

const REGISTRY = new TemplateRegistry([{ id: 'architecture', text: '# A\n\n## Overview\n', sidecar: {} }]);

describe('template choice for documents without a folder', () => {
  const untitled = async (marker: string | undefined, trusted: boolean, configured = '') => {
    const policy = new Policy({ workspace: new MemoryWorkspace(), registry: REGISTRY, engine, trusted, folders: () => [], clientSettings: () => Promise.resolve({ template: configured }) });
    const settings = await policy.settings('untitled:Untitled-1');
    assert.ok(settings.ok);
    const chosen = policy.chooseTemplate('untitled:Untitled-1', settings.settings, marker);
    assert.ok('ref' in chosen);
    return chosen.ref;
  };
  const BUNDLED = { kind: 'bundled', id: 'architecture' };

  it('never resolves a relative path against the working directory', async () => {
    assert.deepEqual(await untitled('team.md', true), BUNDLED);
    assert.deepEqual(await untitled(undefined, true, 'templates/team.md'), BUNDLED);
  });

  it('reads an absolute path only in a trusted workspace', async () => {
    assert.deepEqual(await untitled('/t/team.md', true), { kind: 'file', uri: 'file:///t/team.md' });
    assert.deepEqual(await untitled('/t/team.md', false), BUNDLED);
    assert.deepEqual(await untitled(undefined, false, '/t/team.md'), BUNDLED);
  });
});

describe('reading template files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-template-read-'));
  const loader = new TemplateLoader(new NodeWorkspace(), REGISTRY, engine, { trusted: true });
  const error = async (file: string): Promise<string> => {
    const outcome = await loader.load({ kind: 'file', uri: pathToUri(file) }, pathToUri(dir));
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

  it('reads the sidecar beside a template file, and reports a broken one', async () => {
    const ws = new MemoryWorkspace({
      'file:///ws/t/svc.md': '# [Service]\n\n**Status**: [Draft | Live]\n\n## Purpose\n',
      'file:///ws/t/svc.json': '{ "projectName": ["[Service]"], "newDocument": { "status": "Live" } }',
      'file:///ws/t/bad.md': '# X\n\n## Y\n',
      'file:///ws/t/bad.json': '{ "projectName": "not a list" }',
    });
    const files = new TemplateLoader(ws, REGISTRY, engine, { trusted: true });
    const svc = await files.load({ kind: 'file', uri: 'file:///ws/t/svc.md' }, 'file:///ws');
    assert.ok(svc.ok);
    assert.equal(engine.render(svc.schema, { name: 'Billing', date: '2026-12-01' }), '# Billing\n\n**Status**: Live\n\n## Purpose\n');
    const bad = await files.load({ kind: 'file', uri: 'file:///ws/t/bad.md' }, 'file:///ws');
    assert.match(bad.ok ? '' : bad.error, /bad\.json .*"projectName" must be a list/);
  });
});

describe('settings', () => {
  it('in an untrusted workspace, lets maxFileSize lower the limit but not raise it, from settings or the config file', async () => {
    assert.equal(restrictSettings(normalizeSettings({ maxFileSize: 1e9 }), false).maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(restrictSettings(normalizeSettings({ maxFileSize: 1000 }), false).maxFileSize, 1000);
    assert.equal(restrictSettings(normalizeSettings({ maxFileSize: 1e9 }), true).maxFileSize, 1e9);
    const workspace = new MemoryWorkspace({ 'file:///ws/.archdoc.json': '{ "maxFileSize": 1000000000 }' });
    const policy = new Policy({ workspace, registry: REGISTRY, engine, trusted: false, folders: () => ['file:///ws'], clientSettings: () => Promise.resolve({}) });
    const outcome = await policy.settings('file:///ws/ARCHITECTURE.md');
    assert.equal(outcome.ok && outcome.settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
  });

  it('fills in defaults for absent or mistyped editor settings', () => {
    assert.deepEqual(normalizeSettings({ maxFileSize: 'big', files: 'x', completion: { insertSkeleton: 'no' } }), DEFAULT_SETTINGS);
  });

  it('reads severities nested or as flat dotted keys, and ignores unknown names', () => {
    const settings = normalizeSettings({ severity: { placeholder: 'hint', 'not-a-code': 'error' }, 'severity.template-text': 'off', 'severity.missing-section': 'loud' });
    assert.deepEqual(settings.severity, { placeholder: 'hint', 'template-text': 'off' });
  });
});

describe('the config file', () => {
  const error = (text: string) => {
    const outcome = parseConfig(text, 'file:///ws/.archdoc.jsonc');
    assert.equal(outcome.ok, false, text);
    return outcome.ok ? undefined : outcome.error;
  };

  it('reads every key, with comments and trailing commas', () => {
    const outcome = parseConfig(
      '{\n // team\n "files": ["docs/**/*.md"], "template": "t.md", "templates": { "a/*.md": "adr" },\n "severity": { "placeholder": "off" }, "completion": { "insertSkeleton": false }, "maxFileSize": 10,\n}',
      'file:///ws/.archdoc.jsonc',
    );
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.config, {
      uri: 'file:///ws/.archdoc.jsonc',
      folder: 'file:///ws',
      files: ['docs/**/*.md'],
      template: 't.md',
      templates: { 'a/*.md': 'adr' },
      severity: { placeholder: 'off' },
      completion: { insertSkeleton: false },
      maxFileSize: 10,
    });
  });

  it('refuses what it cannot understand, saying where', () => {
    assert.deepEqual(error('{ "files": [1] }'), { uri: 'file:///ws/.archdoc.jsonc', message: '"files" must hold non-empty strings', line: 0, character: 12 });
    assert.match(error('{\n"severity": { "placeholder": "loud" } }')!.message, /must be error, warning, information, hint or off/);
    assert.match(error('{ "severity": { "nope": "off" } }')!.message, /unknown diagnostic code "nope"/);
    assert.match(error('{ "template": 3 }')!.message, /template reference/);
    assert.match(error('{ "maxFileSize": -1 }')!.message, /positive number/);
    assert.match(error('{ "completion": { "other": true } }')!.message, /may only set "insertSkeleton"/);
    assert.match(error('[]')!.message, /one JSON object/);
    assert.match(error('')!.message, /empty/);
    assert.equal(error('{\n  "files": [\n    "a"\n  ]\n  "template": "x"\n}')!.line, 4);
  });
});
