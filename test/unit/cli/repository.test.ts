/** `archdoc check` against a document's repository, run as users run it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { comparePairs, ROOT } from '../../helpers/core.ts';
import { prepareRepo } from '../../helpers/repos.ts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const REPOSITORY = new Set(['stale-path', 'undocumented-path', 'undocumented-env', 'unused-env', 'unknown-dependency', 'version-mismatch', 'stale-date', 'broken-link']);

interface JsonReport {
  files: Array<{ path: string; diagnostics: Array<{ code: string; severity: string; range: { start: { line: number } } }> }>;
}

function check(cwd: string, ...args: string[]): { code: number | null; report: JsonReport; err: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, report: JSON.parse(r.stdout) as JsonReport, err: r.stderr };
}

function repositoryPairs(report: JsonReport, file = 0): string[] {
  return report.files[file].diagnostics.filter((d) => REPOSITORY.has(d.code)).map((d) => `${d.range.start.line + 1}:${d.code}`).sort(comparePairs);
}

test('check reports the repository findings a fixture repository expects, from its root', () => {
  for (const name of ['go-worker', 'mono']) {
    const repo = prepareRepo(name);
    const r = check(repo.root, 'ARCHITECTURE.md');
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(repositoryPairs(r.report), repo.expected, name);
    assert.equal(r.err, '', `${name}: nothing was skipped`);
  }
});

test('a Draft gets its repository findings as information; --document-only leaves them out', () => {
  const repo = prepareRepo('py-service');
  const r = check(repo.root, 'ARCHITECTURE.md');
  const found = r.report.files[0].diagnostics.filter((d) => REPOSITORY.has(d.code));
  assert.ok(found.length >= 5, `${found.length} findings`);
  assert.deepEqual([...new Set(found.map((d) => d.severity))], ['information']);
  const severe = check(repo.root, '--severity', 'stale-path=error', 'ARCHITECTURE.md').report.files[0].diagnostics.find((d) => d.code === 'stale-path');
  assert.equal(severe?.severity, 'error', 'a severity setting wins over the Status');
  assert.deepEqual(repositoryPairs(check(repo.root, '--document-only', 'ARCHITECTURE.md').report), []);
});

test('without git, stale-date is skipped and the CLI says why once for all documents of the repository', () => {
  const repo = prepareRepo('rust-cli', false);
  mkdirSync(path.join(repo.root, 'docs', 'architecture'), { recursive: true });
  copyFileSync(repo.doc, path.join(repo.root, 'docs', 'architecture', 'cli.md'));
  const r = check(repo.root, '.');
  assert.equal(r.report.files.length, 2);
  // The new docs/ folder is one more undocumented folder at the root line (22).
  const expected = [...repo.expected.filter((p) => !p.endsWith(':stale-date')), '22:undocumented-path'].sort(comparePairs);
  assert.equal(r.report.files[0].path, 'ARCHITECTURE.md');
  assert.deepEqual(repositoryPairs(r.report, 0), expected);
  const said = r.err.split('\n').filter((l) => l.includes('stale-date is skipped'));
  assert.equal(said.length, 1, r.err);
  assert.match(said[0], /not a git repository/);
});
