/** The repository root, decided by the policy by URI: config folder, else git root, else workspace folder. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseRepositoryRoot, parseConfig, Policy, TemplateRegistry } from '../../../server/src/policy/index.ts';
import { engine } from '../../helpers/core.ts';
import { MemoryWorkspace } from '../../helpers/memoryWorkspace.ts';

function policy(files: Record<string, string>, options: { trusted?: boolean; folders?: string[] } = {}) {
  const workspace = new MemoryWorkspace(files);
  const registry = new TemplateRegistry([{ id: 'architecture', text: '# Architecture\n\n## Overview\n', sidecar: {} }]);
  return new Policy({ workspace, registry, engine, trusted: options.trusted ?? true, folders: () => options.folders ?? ['file:///w'], clientSettings: () => Promise.resolve({}) });
}

const rootOf = async (p: Policy, uri: string) => (await p.repositoryRoot(uri))?.uri;

test('the pure decision: config folder, else git root, else workspace folder; never outside the folder when restricted', () => {
  assert.equal(chooseRepositoryRoot({ configFolder: 'file:///w/pkg', gitRoot: 'file:///w', workspaceFolder: 'file:///w', trusted: true }), 'file:///w/pkg');
  assert.equal(chooseRepositoryRoot({ gitRoot: 'file:///w', workspaceFolder: 'file:///w/sub', trusted: true }), 'file:///w');
  assert.equal(chooseRepositoryRoot({ gitRoot: 'file:///w', workspaceFolder: 'file:///w/sub', trusted: false }), 'file:///w/sub');
  assert.equal(chooseRepositoryRoot({ workspaceFolder: 'file:///w', trusted: true }), 'file:///w');
  assert.equal(chooseRepositoryRoot({ trusted: true }), undefined);
  assert.equal(chooseRepositoryRoot({ gitRoot: 'file:///r', trusted: false }), undefined);
});

test('the nearest folder holding the config file is the root, even inside a git repository', async () => {
  const p = policy({ 'file:///w/.git/HEAD': '', 'file:///w/pkg/.archdoc.jsonc': '{}', 'file:///w/pkg/docs/ARCHITECTURE.md': '' });
  assert.equal(await rootOf(p, 'file:///w/pkg/docs/ARCHITECTURE.md'), 'file:///w/pkg');
  assert.equal(await rootOf(p, 'file:///w/other/ARCHITECTURE.md'), 'file:///w');
});

test('.archdoc.json counts as the config file too; a config file above the git root belongs to something else', async () => {
  const p = policy({ 'file:///w/.archdoc.json': '{}', 'file:///w/repo/.git': 'gitdir: elsewhere', 'file:///w/repo/ARCHITECTURE.md': '' });
  assert.equal(await rootOf(p, 'file:///w/repo/ARCHITECTURE.md'), 'file:///w/repo');
  assert.equal(await rootOf(p, 'file:///w/ARCHITECTURE.md'), 'file:///w');
});

test('with neither, the workspace folder; with no folder either, no repository', async () => {
  const p = policy({ 'file:///w/docs/ARCHITECTURE.md': '' });
  assert.equal(await rootOf(p, 'file:///w/docs/ARCHITECTURE.md'), 'file:///w');
  assert.equal(await rootOf(p, 'file:///elsewhere/ARCHITECTURE.md'), undefined);
});

test('any scheme: a virtual workspace (github.dev) is decided the same way', async () => {
  const p = policy({ 'vscode-vfs://github/o/r/.archdoc.jsonc': '{}' }, { folders: ['vscode-vfs://github/o/r'] });
  assert.equal(await rootOf(p, 'vscode-vfs://github/o/r/docs/ARCHITECTURE.md'), 'vscode-vfs://github/o/r');
});

test('restricted: the git root above the workspace folder is not used, nor is anything looked at above it', async () => {
  const files = { 'file:///r/.git/HEAD': '', 'file:///r/.archdoc.jsonc': '{}', 'file:///r/sub/ARCHITECTURE.md': '' };
  assert.equal(await rootOf(policy(files, { folders: ['file:///r/sub'] }), 'file:///r/sub/ARCHITECTURE.md'), 'file:///r');
  assert.equal(await rootOf(policy(files, { trusted: false, folders: ['file:///r/sub'] }), 'file:///r/sub/ARCHITECTURE.md'), 'file:///r/sub');
  assert.equal(await rootOf(policy(files, { trusted: false, folders: ['file:///r/sub'] }), 'file:///r/ARCHITECTURE.md'), undefined);
});

test("the root's config file names what the repository checks leave out", async () => {
  const p = policy({ 'file:///w/.archdoc.jsonc': '{ "ignore": ["generated/", "*.snap"] }' });
  assert.deepEqual(await p.repositoryRoot('file:///w/ARCHITECTURE.md'), { uri: 'file:///w', ignore: ['generated/', '*.snap'] });
  assert.deepEqual((await policy({ 'file:///w/.git/HEAD': '' }).repositoryRoot('file:///w/ARCHITECTURE.md'))?.ignore, []);
});

test('a bad ignore value is a clear error with its place', () => {
  const at = (text: string) => {
    const outcome = parseConfig(text, 'file:///w/.archdoc.jsonc');
    assert.equal(outcome.ok, false);
    return outcome.ok ? undefined : outcome.error;
  };
  assert.deepEqual(at('{\n  "ignore": "generated/"\n}'), { uri: 'file:///w/.archdoc.jsonc', message: '"ignore" must be a list of paths in .gitignore syntax, such as "generated/"', line: 1, character: 12 });
  assert.match(at('{ "ignore": ["ok/", 3] }')?.message ?? '', /non-empty strings/);
  assert.match(at('{ "ignore": [""] }')?.message ?? '', /non-empty strings/);
  assert.match(at('{ "ignore": ["# note"] }')?.message ?? '', /not a pattern/);
  const good = parseConfig('{ "ignore": ["generated/", "!generated/keep/"] }', 'file:///w/.archdoc.jsonc');
  assert.deepEqual(good.ok && good.config.ignore, ['generated/', '!generated/keep/']);
});
