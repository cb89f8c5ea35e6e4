/** The CLI as users run it: `node dist/cli.js`, in a temporary folder, judged by output and exit code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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

test('check exits 0 and prints nothing for a fully written document', () => {
  // The fixture describes a repository of its own, not this one: only the template applies.
  const r = run(['check', '--document-only', VALID]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, '');
});

test('check prints path:line:col: severity code message with 1-based positions and exits 1 on warnings', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ARCHITECTURE.md');
  writeFileSync(file, readFileSync(VALID, 'utf8').replace('for Orbit Ledger,', 'for [Project Name],'));
  const r = run(['check', file]);
  assert.equal(r.code, 1);
  assert.equal(r.out, `${file}:3:36: warning placeholder Unfilled placeholder [Project Name]: replace it with this project's own\n`);
});

test('check --format json gives LSP ranges and severity names', () => {
  const dir = tempDir();
  const file = path.join(dir, 'doc.md');
  writeFileSync(file, '# Architecture\n\n<!-- archdoc-disable-file missing-section -->\n**Status**: Done\n');
  const r = run(['check', '--format', 'json', file]);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.out) as { files: Array<{ path: string; diagnostics: Array<Record<string, unknown>> }> };
  assert.deepEqual(json.files[0].diagnostics, [
    {
      code: 'invalid-value',
      severity: 'error',
      message: '"Done" is not a valid Status: use one of Draft, Active, Deprecated',
      range: { start: { line: 3, character: 12 }, end: { line: 3, character: 16 } },
      data: { code: 'invalid-value', values: ['Draft', 'Active', 'Deprecated'] },
    },
  ]);
});

test('check --format sarif writes SARIF 2.1.0 with rule ids and 1-based regions', () => {
  const dir = tempDir();
  const file = path.join(dir, 'doc.md');
  writeFileSync(file, '# Architecture\n\n<!-- archdoc-disable-file missing-section -->\nFor [TBD].\n');
  const r = run(['check', '--format', 'sarif', file]);
  const sarif = JSON.parse(r.out) as { version: string; runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { region: Record<string, number> } }> }> }> };
  assert.equal(sarif.version, '2.1.0');
  const [result] = sarif.runs[0].results;
  assert.equal(result.ruleId, 'placeholder');
  assert.equal(result.level, 'warning');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 5, endLine: 4, endColumn: 10 });
});

test('check with a directory finds its architecture documents; --severity changes what fails', () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'docs', 'architecture'), { recursive: true });
  writeFileSync(path.join(dir, 'ARCHITECTURE.md'), readFileSync(VALID));
  writeFileSync(path.join(dir, 'docs', 'architecture', 'payments.md'), readFileSync(VALID, 'utf8').replace('2026-11-20', 'YYYY-MM-DD'));
  writeFileSync(path.join(dir, 'README.md'), '# Not an architecture doc [TBD]\n');
  const r = run(['check', '--format', 'json', dir]);
  const json = JSON.parse(r.out) as { files: Array<{ path: string }> };
  assert.deepEqual(json.files.map((f) => path.relative(dir, f.path)).sort(), ['ARCHITECTURE.md', path.join('docs', 'architecture', 'payments.md')]);
  assert.equal(r.code, 1);
  assert.equal(run(['check', '--severity', 'placeholder=information', dir]).code, 0);
});

test('bad usage, unreadable files and broken templates exit 2 with a message on stderr', () => {
  const dir = tempDir();
  const binary = path.join(dir, 'bin.md');
  writeFileSync(binary, Buffer.from([0x23, 0x20, 0x00, 0x01]));
  const latin1 = path.join(dir, 'latin1.md');
  writeFileSync(latin1, Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  const noHeadings = path.join(dir, 'template.md');
  writeFileSync(noHeadings, 'no headings at all\n');
  const cases: Array<[string[], RegExp]> = [
    [[], /Usage/],
    [['lint'], /unknown command/],
    [['check'], /at least one PATH/],
    [['check', '--format', 'xml', VALID], /--format/],
    [['check', path.join(dir, 'missing.md')], /no such file/],
    [['check', binary], /binary/],
    [['check', latin1], /not valid UTF-8/],
    [['check', dir + '/*.nothing'], /no file matches/],
    [['check', '--template', noHeadings, VALID], /no headings/],
    [['check', '--template', dir, VALID], /directory/],
    [['check', '--severity', 'nope=error', VALID], /unknown code/],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}`);
    assert.match(r.err, message, args.join(' '));
  }
});

test('new writes a document from the template that checks clean but for placeholders and template text', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ARCHITECTURE.md');
  const r = run(['new', file, '--name', 'Orbit $1 ${x} "q"', '--date', '2026-11-25']);
  assert.equal(r.code, 0, r.err);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes('Technical design documentation for Orbit $1 ${x} "q".'));
  assert.ok(text.includes('**Last Updated**: 2026-11-25'));
  const json = JSON.parse(run(['check', '--format', 'json', file]).out) as { files: Array<{ diagnostics: Array<{ code: string }> }> };
  const codes = new Set(json.files[0].diagnostics.map((d) => d.code));
  assert.deepEqual([...codes].sort(), ['placeholder', 'template-text']);
});

test('new never overwrites an existing file without --force, and leaves no temporary files', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ARCHITECTURE.md');
  writeFileSync(file, 'my precious notes\n');
  const r = run(['new', file, '--name', 'X']);
  assert.equal(r.code, 2);
  assert.match(r.err, /already exists/);
  assert.equal(readFileSync(file, 'utf8'), 'my precious notes\n');
  const forced = run(['new', file, '--name', 'X', '--force']);
  assert.equal(forced.code, 0, forced.err);
  assert.ok(readFileSync(file, 'utf8').startsWith('# Architecture'));
  assert.deepEqual(readdirSync(dir), ['ARCHITECTURE.md']);
});

test('new refuses to write through a symlink to an existing file or onto a directory', () => {
  const dir = tempDir();
  const target = path.join(dir, 'real.md');
  writeFileSync(target, 'keep\n');
  const link = path.join(dir, 'link.md');
  symlinkSync(target, link);
  assert.equal(run(['new', link, '--name', 'X']).code, 2);
  assert.equal(readFileSync(target, 'utf8'), 'keep\n');
  assert.equal(run(['new', dir, '--name', 'X']).code, 2);
  assert.ok(existsSync(target));
});

test("check answers the notice's markers: opted in, a document is checked fully; opted out, it is left alone and the gate passes", () => {
  const dir = tempDir();
  const file = path.join(dir, 'ARCHITECTURE.md');
  const other = readFileSync(path.join(ROOT, 'test', 'fixtures', 'unrelated', 'birds-eye-view.md'), 'utf8').replace(/ <!-- expect: [^>]*-->/g, '');
  writeFileSync(file, other);
  const notice = run(['check', '--document-only', '--format', 'json', file]);
  assert.equal(notice.code, 0, notice.err);
  assert.equal((JSON.parse(notice.out) as { files: Array<{ diagnostics: unknown[] }> }).files[0].diagnostics.length, 1);
  writeFileSync(file, '<!-- archdoc -->\n' + other);
  const optedIn = run(['check', '--document-only', file]);
  assert.equal(optedIn.code, 1);
  assert.match(optedIn.out, /warning missing-section Missing 16 sections/);
  writeFileSync(file, '<!-- archdoc: false -->\n' + other);
  const optedOut = run(['check', '--document-only', file]);
  assert.equal(optedOut.code, 0, optedOut.err);
  assert.equal(optedOut.out, '');
  assert.match(optedOut.err, /opted out \(archdoc: false\): not checked/);
});
