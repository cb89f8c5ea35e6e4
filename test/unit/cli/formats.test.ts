/** The CLI's GitHub annotations, SARIF rule metadata, per-command help and one-line errors, as a process. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Log } from 'sarif';
import { RULE_INFO } from '../../../server/src/core/index.ts';
import { escapeData, escapeProperty } from '../../../server/src/cli/github.ts';
import { ROOT } from '../../helpers/core.ts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const VALID = path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md');

function run(args: string[], cwd = ROOT): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'archdoc-cli-'));
}

test('workflow-command values escape what would end the command or split its properties', () => {
  assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
  assert.equal(escapeProperty('docs/a,b:c%.md'), 'docs/a%2Cb%3Ac%25.md');
});

test('--format github prints one annotation per diagnostic with 1-based positions, relative paths and escaped values', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a,b.md'), '# Architecture\n\n<!-- archdoc-disable-file missing-section -->\n**Status**: Done\nFor [TBD].\n');
  const r = run(['check', '--format', 'github', path.join(dir, 'a,b.md')], dir);
  assert.equal(r.code, 1, r.err);
  assert.equal(
    r.out,
    '::error file=a%2Cb.md,line=4,col=13,endLine=4,endColumn=16,title=ArchDoc invalid-value::"Done" is not a valid Status: use one of Draft, Active, Deprecated\n' +
      '::warning file=a%2Cb.md,line=5,col=5,endLine=5,endColumn=9,title=ArchDoc placeholder::Unfilled placeholder [TBD]\n',
  );
});

test('--format github marks information findings as notices and prints nothing for a clean document', () => {
  assert.equal(run(['check', '--document-only', '--format', 'github', VALID]).out, '');
  const dir = tempDir();
  writeFileSync(path.join(dir, 'ARCHITECTURE.md'), '# Architecture\n\n<!-- archdoc-disable-file missing-section -->\n## Overview\n\nHigh-level description of how the system is designed and why these choices were made.\n\nOurs.\n');
  const r = run(['check', '--format', 'github', 'ARCHITECTURE.md'], dir);
  assert.equal(r.code, 0, 'information does not fail the run');
  assert.match(r.out, /^::notice file=ARCHITECTURE\.md,line=6,col=1,endLine=6,endColumn=\d+,title=ArchDoc template-text::/);
});

test('SARIF describes every rule from its own description, with a help link, and results point at their rule', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'doc.md'), '# Architecture\n\n<!-- archdoc-disable-file missing-section -->\nFor [TBD].\n');
  const sarif = JSON.parse(run(['check', '--format', 'sarif', path.join(dir, 'doc.md')]).out) as Log;
  const { driver } = sarif.runs[0].tool;
  assert.deepEqual(driver.rules?.map((r) => r.id), RULE_INFO.map((r) => r.code));
  for (const [i, rule] of (driver.rules ?? []).entries()) {
    assert.equal(rule.shortDescription?.text, RULE_INFO[i].description);
    assert.ok(rule.helpUri?.endsWith(`/docs/rules/${rule.id}.md`), rule.helpUri);
    assert.equal(rule.defaultConfiguration?.enabled, RULE_INFO[i].severity !== 'off');
  }
  const [result] = sarif.runs[0].results ?? [];
  assert.equal(driver.rules?.[result.ruleIndex ?? -1]?.id, result.ruleId);
});

test('each command has its own --help, on stdout with exit 0', () => {
  for (const [args, first] of [
    [['check', '--help'], 'Usage: archdoc check'],
    [['check', '-h'], 'Usage: archdoc check'],
    [['new', '--help'], 'Usage: archdoc new'],
    [['help', 'new'], 'Usage: archdoc new'],
    [['--help'], 'Usage:\n  archdoc check'],
  ] as const) {
    const r = run([...args]);
    assert.equal(r.code, 0, args.join(' '));
    assert.ok(r.out.startsWith(first), `${args.join(' ')}: ${r.out.slice(0, 40)}`);
    assert.equal(r.err, '');
  }
  assert.match(run(['check', '--help']).out, /--fix/);
});

test("usage errors show the command's usage; other failures are one line", () => {
  const usage = run(['check', '--format', 'xml', VALID]);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /^archdoc: --format must be text, json, sarif, github \(got "xml"\)\n\nUsage: archdoc check/);
  const unknown = run(['new', '--bogus', 'x.md']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /Usage: archdoc new/);

  const dir = tempDir();
  const existing = path.join(dir, 'ARCHITECTURE.md');
  writeFileSync(existing, 'mine\n');
  const broken = path.join(dir, 'template.md');
  writeFileSync(broken, 'no headings\n');
  for (const args of [
    ['new', existing, '--name', 'X'],
    ['check', '--template', broken, VALID],
    ['new', path.join(dir, 'other.md'), '--template', path.join(dir, 'missing.md')],
  ]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err.split('\n').length, 2, `one line: ${r.err}`);
    assert.doesNotMatch(r.err, /Usage/);
  }
});
