/**
 * What `npm run package` puts in the .vsix, asked of vsce itself: only what runs or what the
 * Marketplace shows, never sources, tests or node_modules (the bundles contain the
 * dependencies).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { listFiles, PackageManager } from '@vscode/vsce';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLES = ['dist/extension.js', 'dist/server.js', 'dist/browser/extension.js', 'dist/browser/server.js'];
const SHIPPED = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'images/icon.png',
  'schemas/archdoc.schema.json',
  'server/templates/ARCHITECTURE.json',
  'server/templates/ARCHITECTURE.md',
  'docs/screenshots/architecture-view.png',
  'docs/screenshots/section-completion.png',
  'docs/screenshots/quick-fix.png',
  'docs/screenshots/problems-panel.png',
];

void test('the package holds the bundles, template, docs, screenshots and icon, and nothing else', async () => {
  const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
  const built = BUNDLES.filter((file) => existsSync(`${root}${file}`));
  assert.deepEqual([...files].sort(), [...SHIPPED, ...built].sort());
});

void test("every image the README shows is in the package, at the path the packaged README names", async () => {
  const files = new Set(await listFiles({ cwd: root, packageManager: PackageManager.None }));
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  assert.ok(images.length >= 4, `the README shows ${images.length} images`);
  for (const image of images) {
    assert.ok(!/^[a-z]+:/i.test(image), `${image} is relative, so it resolves inside the .vsix`);
    assert.ok(files.has(image), `${image} is packaged`);
  }
});

void test('names a real repository, in one place', () => {
  const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { repository?: { url?: string }; homepage?: string; bugs?: unknown };
  assert.match(manifest.repository?.url ?? '', /^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
  assert.equal(manifest.homepage, undefined, 'vsce derives the homepage from the repository');
  assert.equal(manifest.bugs, undefined, 'vsce derives the issues link from the repository');
});
