/**
 * The extension manifest: settings declared once with descriptions and the engine's own
 * defaults, commands grouped under one category, lazy activation, restricted mode declared,
 * and menus that only name commands that exist.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_SEVERITY, DIAGNOSTIC_CODES, REPOSITORY_CODES, type DiagnosticCode } from '../../../server/src/core/index.ts';

interface Property {
  readonly type: string;
  readonly default?: unknown;
  readonly enum?: readonly string[];
  readonly markdownDescription?: string;
  readonly scope?: string;
}

interface Manifest {
  readonly name: string;
  readonly publisher: string;
  readonly version: string;
  readonly license: string;
  readonly icon: string;
  readonly main: string;
  readonly repository: { readonly url: string };
  readonly activationEvents: readonly string[];
  readonly capabilities: {
    readonly untrustedWorkspaces: { readonly supported: string; readonly restrictedConfigurations: readonly string[] };
    readonly virtualWorkspaces: unknown;
  };
  readonly contributes: {
    readonly commands: readonly { readonly command: string; readonly title: string; readonly category: string }[];
    readonly menus: Record<string, readonly { readonly command: string; readonly when?: string }[]>;
    readonly views: { readonly explorer: readonly { readonly id: string; readonly name: string; readonly when: string }[] };
    readonly configuration: { readonly properties: Record<string, Property> };
  };
}

const root = new URL('../../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;
const configurable = DIAGNOSTIC_CODES.filter((code) => code !== 'template-error');

void test('identifies the extension as archdoc.archdoc with an icon, licence and repository', () => {
  assert.equal(`${manifest.publisher}.${manifest.name}`, 'archdoc.archdoc');
  assert.equal(manifest.license, 'MIT');
  assert.equal(manifest.icon, 'images/icon.png');
  assert.equal(manifest.main, './dist/extension.js');
  assert.ok(manifest.repository.url.length > 0);
  const png = readFileSync(new URL(manifest.icon, root));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the icon is 128×128');
});

void test('activates lazily, never on every start', () => {
  assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
});

void test('declares a severity setting for every configurable code, defaulting as the engine does', () => {
  for (const code of configurable) {
    const property = properties[`archdoc.severity.${code}`];
    assert.ok(property, `archdoc.severity.${code} is declared`);
    // A repository check's default, `status`, leaves its severity to the document's Status.
    const byStatus = REPOSITORY_CODES.has(code as DiagnosticCode);
    assert.deepEqual(property.enum, [...(byStatus ? ['status'] : []), 'error', 'warning', 'information', 'hint', 'off']);
    assert.equal(property.default, byStatus ? 'status' : DEFAULT_SEVERITY[code], `archdoc.severity.${code} defaults to the engine's default`);
  }
  const declared = Object.keys(properties).filter((key) => key.startsWith('archdoc.severity.'));
  assert.equal(declared.length, configurable.length, 'no severity setting for an unknown code');
});

void test('describes every setting in markdown and gives it a default', () => {
  for (const [key, property] of Object.entries(properties)) {
    assert.ok(key.startsWith('archdoc.'), `${key} shares the archdoc prefix`);
    assert.ok((property.markdownDescription ?? '').length > 20, `${key} has a markdownDescription`);
    assert.ok('default' in property, `${key} has a default`);
  }
  assert.deepEqual(properties['archdoc.files']?.default, []);
  assert.equal(properties['archdoc.template']?.scope, 'resource');
  assert.equal(properties['archdoc.completion.insertSkeleton']?.default, true);
  assert.equal(properties['archdoc.maxFileSize']?.default, 5_000_000);
  assert.deepEqual(properties['archdoc.trace.server']?.enum, ['off', 'messages', 'verbose']);
});

void test('declares limited support in restricted mode, with the template, file-selection and size settings restricted', () => {
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [
    'archdoc.template',
    'archdoc.templates',
    'archdoc.files',
    'archdoc.maxFileSize',
  ]);
  for (const key of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations) assert.ok(properties[key], `${key} is declared`);
  assert.ok(manifest.capabilities.virtualWorkspaces);
});

void test('puts every command under the ArchDoc category', () => {
  const commands = manifest.contributes.commands.map((command) => command.command);
  for (const command of ['archdoc.newDocument', 'archdoc.addMissingSections', 'archdoc.openTemplate', 'archdoc.restartServer', 'archdoc.view.items']) {
    assert.ok(commands.includes(command), `${command} is contributed`);
  }
  for (const command of manifest.contributes.commands) assert.equal(command.category, 'ArchDoc', command.command);
  const titles = new Map(manifest.contributes.commands.map((command) => [command.command, command.title]));
  assert.equal(titles.get('archdoc.newDocument'), 'New Architecture Doc');
});

void test('menus name only contributed commands, and hide the internal ones from the palette', () => {
  const commands = new Set(manifest.contributes.commands.map((command) => command.command));
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
    for (const entry of entries) assert.ok(commands.has(entry.command), `${menu} names ${entry.command}`);
  }
  const hidden = manifest.contributes.menus.commandPalette?.filter((entry) => entry.when === 'false').map((entry) => entry.command);
  assert.deepEqual(hidden?.sort(), ['archdoc.fixSection', 'archdoc.insertSection', 'archdoc.refreshView', 'archdoc.revealSection', 'archdoc.view.items']);
  const explorer = manifest.contributes.menus['explorer/context']?.find((entry) => entry.command === 'archdoc.newDocument');
  assert.equal(explorer?.when, 'explorerResourceIsFolder');
});

void test('shows the Architecture view in the Explorer only for architecture documents', () => {
  assert.deepEqual(manifest.contributes.views.explorer, [
    { id: 'archdoc.outline', name: 'Architecture', when: 'archdoc.active', contextualTitle: 'ArchDoc' },
  ]);
  const inline = manifest.contributes.menus['view/item/context']?.find((entry) => entry.command === 'archdoc.insertSection');
  assert.match(inline?.when ?? '', /viewItem == archdoc\.section\.missing/);
  const fix = manifest.contributes.menus['view/item/context']?.find((entry) => entry.command === 'archdoc.fixSection');
  assert.match(fix?.when ?? '', /viewItem == archdoc\.section\.out-of-order/);
});
