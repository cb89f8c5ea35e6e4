/** The repository scanner and the pure readers behind it, on real folders in a temporary directory. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { ROOT } from '../../helpers/core.ts';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RepositoryScan } from '../../../server/src/repo/scan.ts';
import { nodeFileAccess } from '../../../server/src/repo/nodeFileAccess.ts';
import { envExampleNames, envReadsIn } from '../../../server/src/repo/envReads.ts';
import { parseLockfile } from '../../../server/src/repo/lockfiles.ts';
import { parseManifest, pep440ToSemver } from '../../../server/src/repo/manifests.ts';

function folder(files: Record<string, string>): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'archdoc-scan-')), 'repo');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/**
 * Code that reads `name`, written in pieces: this repository is scanned too, and this file must
 * not read like code that reads these variables.
 */
const js = (name: string): string => `${'process'}.env.${name};`;
const py = (name: string): string => `os.${'getenv'}("${name}")`;

const scan = (root: string, options = {}) => RepositoryScan.scan(pathToFileURL(root).href, nodeFileAccess(), options);

test('the scan respects .gitignore at every level, leaves out dot-folders, dependency folders and nested repositories', async () => {
  const root = folder({
    '.gitignore': 'dist/\n*.log\n',
    'src/app.ts': js('PORT'),
    'src/.gitignore': 'generated/\n',
    'src/generated/out.ts': js('GENERATED'),
    'dist/bundle.js': js('BUNDLED'),
    'debug.log': '',
    '.github/workflows/ci.yml': '',
    'node_modules/x/index.js': js('DEPENDENCY'),
    'vendor/lib/.git': '',
    'vendor/lib/main.go': py('VENDORED'),
  });
  const facts = (await scan(root)).facts();
  assert.deepEqual([...facts.directories].sort(), ['src', 'vendor']);
  assert.deepEqual([...facts.envReads.keys()], ['PORT']);
  for (const p of ['dist', 'src/generated', 'debug.log', '.github', 'node_modules', 'vendor/lib']) assert.ok(facts.excluded.has(p), `${p} is known to exist but left out`);
});

test('symbolic links are recorded, never followed: loops and links out of the root are safe', async () => {
  const root = folder({ 'src/a.ts': '' });
  symlinkSync('.', path.join(root, 'src', 'self'));
  symlinkSync('b', path.join(root, 'a'));
  symlinkSync('a', path.join(root, 'b'));
  symlinkSync(tmpdir(), path.join(root, 'out'));
  const facts = (await scan(root)).facts();
  assert.deepEqual([...facts.directories], ['src']);
  for (const p of ['src/self', 'a', 'b', 'out']) assert.ok(facts.excluded.has(p), p);
});

test('huge, binary and unreadable files are skipped with a note, never read whole', async () => {
  const root = folder({ 'big.ts': `${js('HUGE')}${'x'.repeat(2000)}`, 'bin.py': `${py('BINARY')}\0\0`, 'ok.py': py('FINE') });
  const result = await scan(root, { maxFileBytes: 1000 });
  assert.deepEqual([...result.facts().envReads.keys()], ['FINE']);
  assert.ok(result.notes.some((n) => n.startsWith('big.ts')), result.notes.join('\n'));
});

test('a scan is updated per changed file: a new reader, a deleted folder, a changed .gitignore', async () => {
  const root = folder({ 'src/a.ts': js('A'), 'lib/b.ts': js('B') });
  const result = await scan(root);
  const before = result.facts();
  writeFileSync(path.join(root, 'src', 'c.ts'), js('C'));
  rmSync(path.join(root, 'lib'), { recursive: true });
  await result.update(['src/c.ts', 'lib']);
  const after = result.facts();
  assert.notEqual(after, before, 'a new facts object, so caches keyed on it refresh');
  assert.deepEqual([...after.envReads.keys()].sort(), ['A', 'C']);
  assert.deepEqual([...after.directories], ['src']);
  writeFileSync(path.join(root, '.gitignore'), 'src/\n');
  await result.update(['.gitignore']);
  assert.deepEqual([...result.facts().envReads.keys()], []);
  assert.ok(result.facts().excluded.has('src'));
});

test('literal environment reads in each language are found; computed keys and comments name nothing', () => {
  // The samples are a .txt file, which the scanner never reads as code.
  const code = readFileSync(path.join(ROOT, 'test', 'fixtures', 'env-reads.txt'), 'utf8');
  const { reads, mentions } = envReadsIn(code);
  assert.deepEqual([...reads].sort(), 'ABCDEFGHIJKLMNOP'.split(''));
  assert.deepEqual(mentions, []);
  assert.deepEqual(envReadsIn(`const KEYS = ['FEATURE_X']; for (const k of KEYS) ${'process'}.env[k];`).mentions, ['FEATURE_X']);
  assert.deepEqual(envExampleNames('# comment\nA=1\nexport B=\n  C = 3\nnot a line\n'), ['A', 'B', 'C']);
});

test('manifests of every ecosystem give their dependencies, dev ones marked, versions in semver form', () => {
  const pkg = parseManifest('package.json', 'package.json', '{"name":"web","dependencies":{"react":"^18.2.0"},"devDependencies":{"vite":"^5.0.0"}}');
  assert.equal(pkg.projectName, 'web');
  assert.deepEqual(pkg.dependencies.map((d) => [d.name, d.range, d.dev]), [['react', '^18.2.0', false], ['vite', '^5.0.0', true]]);
  const req = parseManifest('requirements-dev.txt', 'requirements-dev.txt', '-r base.txt\nFlask[async]>=2.0,<3 ; python_version > "3.8"\n# c\ngit+https://x/y\n');
  assert.deepEqual(req.dependencies.map((d) => [d.name, d.range, d.dev]), [['Flask', '>=2.0 <3', true]]);
  const py = parseManifest('pyproject.toml', 'pyproject.toml', '[project]\nname="svc"\ndependencies=["fastapi~=0.110"]\n[tool.poetry.group.test.dependencies]\npytest="^8"\n');
  assert.deepEqual(py.dependencies.map((d) => [d.name, d.range, d.dev]), [['fastapi', '^0.110', false], ['pytest', '^8', true]]);
  const go = parseManifest('go.mod', 'go.mod', 'module github.com/a/b\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n)\nrequire golang.org/x/sync v0.6.0 // indirect\n');
  assert.deepEqual(go.dependencies.map((d) => [d.name, d.range]), [['github.com/gin-gonic/gin', '1.9.1'], ['golang.org/x/sync', '0.6.0']]);
  const cargo = parseManifest('Cargo.toml', 'Cargo.toml', '[package]\nname="cli"\n[dependencies]\nclap="4.4"\nserde={version="1.0"}\n[dev-dependencies]\nassert_cmd="=2.0.1"\n');
  assert.deepEqual(cargo.dependencies.map((d) => [d.name, d.range, d.dev]), [['clap', '^4.4', false], ['serde', '^1.0', false], ['assert_cmd', '=2.0.1', true]]);
  assert.match(parseManifest('Cargo.toml', 'Cargo.toml', '[dependencies\n').error ?? '', /^Cargo.toml: /);
  assert.equal(pep440ToSemver('==1.4.*'), '1.4.x');
  assert.equal(parseLockfile('Cargo.lock', '[[package]]\nname="clap"\nversion="4.4.18"\n').get('clap'), '4.4.18');
});

