import assert from 'node:assert/strict';
import { mkdtempSync, promises as fs, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { createNewFile, isInside, staysInside } from '../../../client/src/commands/newFile.ts';

const sandbox = realpathSync(mkdtempSync(path.join(tmpdir(), 'archdoc-newfile-')));
after(() => fs.rm(sandbox, { recursive: true, force: true }));

let counter = 0;
function freshFolder(): string {
  const folder = path.join(sandbox, `case-${++counter}`);
  mkdirSync(folder);
  return folder;
}

void test('creates a new file with the text, and missing folders on the way', async () => {
  const folder = freshFolder();
  const target = path.join(folder, 'docs', 'design', 'ARCHITECTURE.md');
  assert.equal(await createNewFile(target, '# Architecture\n'), 'created');
  assert.equal(readFileSync(target, 'utf8'), '# Architecture\n');
});

void test('never overwrites an existing file and leaves no temporary file behind', async () => {
  const folder = freshFolder();
  const target = path.join(folder, 'ARCHITECTURE.md');
  writeFileSync(target, 'precious');
  assert.equal(await createNewFile(target, 'new text'), 'exists');
  assert.equal(readFileSync(target, 'utf8'), 'precious');
  assert.deepEqual(readdirSync(folder), ['ARCHITECTURE.md']);
});

void test('of two concurrent creations exactly one wins and the file holds its whole text', async () => {
  const folder = freshFolder();
  const target = path.join(folder, 'ARCHITECTURE.md');
  const texts = Array.from({ length: 8 }, (_, i) => `writer ${i}\n`.repeat(2000));
  const results = await Promise.all(texts.map((text) => createNewFile(target, text)));
  assert.equal(results.filter((result) => result === 'created').length, 1);
  assert.ok(texts.includes(readFileSync(target, 'utf8')));
  assert.deepEqual(readdirSync(folder), ['ARCHITECTURE.md']);
});

void test('refuses to write through a dangling symbolic link at the target', async () => {
  const folder = freshFolder();
  const target = path.join(folder, 'ARCHITECTURE.md');
  symlinkSync(path.join(sandbox, 'nowhere.md'), target);
  assert.equal(await createNewFile(target, 'x'), 'exists');
  await assert.rejects(fs.stat(path.join(sandbox, 'nowhere.md')));
});

void test('keeps targets inside the folder', async () => {
  const folder = freshFolder();
  assert.equal(await staysInside(folder, path.join(folder, 'ARCHITECTURE.md')), true);
  assert.equal(await staysInside(folder, path.join(folder, 'new', 'deeper', 'ARCHITECTURE.md')), true);
  assert.equal(await staysInside(folder, path.join(folder, '..', 'ARCHITECTURE.md')), false);
  assert.equal(await staysInside(folder, path.join(sandbox, 'elsewhere.md')), false);
});

void test('refuses targets that a symbolic link leads out of the folder', async () => {
  const folder = freshFolder();
  const outside = freshFolder();
  symlinkSync(outside, path.join(folder, 'docs'));
  assert.equal(await staysInside(folder, path.join(folder, 'docs', 'ARCHITECTURE.md')), false);
  assert.equal(await staysInside(folder, path.join(folder, 'docs', 'new', 'ARCHITECTURE.md')), false);
});

void test('accepts a symbolic link that stays inside the folder, but not one as the target itself', async () => {
  const folder = freshFolder();
  mkdirSync(path.join(folder, 'real'));
  symlinkSync(path.join(folder, 'real'), path.join(folder, 'alias'));
  assert.equal(await staysInside(folder, path.join(folder, 'alias', 'ARCHITECTURE.md')), true);
  writeFileSync(path.join(folder, 'real', 'file.md'), 'x');
  symlinkSync(path.join(folder, 'real', 'file.md'), path.join(folder, 'link.md'));
  assert.equal(await staysInside(folder, path.join(folder, 'link.md')), false);
});

void test('accepts a folder that is itself reached through a symbolic link', async () => {
  const real = freshFolder();
  const alias = path.join(sandbox, `alias-${counter}`);
  symlinkSync(real, alias);
  assert.equal(await staysInside(alias, path.join(alias, 'ARCHITECTURE.md')), true);
});

void test('compares paths by segments, not by prefix', () => {
  assert.equal(isInside('/a/b', '/a/b'), true);
  assert.equal(isInside('/a/b', '/a/b/c.md'), true);
  assert.equal(isInside('/a/b', '/a/bc/d.md'), false);
  assert.equal(isInside('/a/b', '/a'), false);
});
