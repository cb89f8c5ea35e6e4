/**
 * What `npm run package` puts in the .vsix, asked of vsce itself: only what runs or what the
 * Marketplace shows, never sources, tests or node_modules (the bundles contain the
 * dependencies).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { listFiles, PackageManager } from '@vscode/vsce';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLES = ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/browser/extension.js', 'dist/browser/server.js'];
const SHIPPED = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'images/icon.png',
  'snippets/markdown.json',
  'syntaxes/placeholder.injection.tmLanguage.json',
  'schemas/archdoc.schema.json',
  'server/templates/ARCHITECTURE.json',
  'server/templates/ARCHITECTURE.md',
];

void test('the package holds the bundles, snippets, grammar, template, docs and icon, and nothing else', async () => {
  const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
  const built = BUNDLES.filter((file) => existsSync(`${root}${file}`));
  assert.deepEqual([...files].sort(), [...SHIPPED, ...built].sort());
});
