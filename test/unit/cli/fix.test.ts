/**
 * `archdoc check --fix` as users run it, on a copy of a workspace: the safe fixes are applied
 * until none is left, headings stay as written, files without fixes are not touched (bytes and
 * modification time), and a second run changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIX_ALL_KIND } from '../../../server/src/core/index.ts';
import { bundledSchema, engine, ROOT } from '../../helpers/core.ts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'fix-workspace');
const DOCUMENTS = ['ARCHITECTURE.md', 'docs/architecture/payments.md', 'docs/architecture/clean.md'];
const OLD = new Date('2020-01-02T03:04:05Z');

function run(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function files(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')],
  );
}

/** A copy of the workspace whose files all carry an old modification time, so that a write shows. */
function copyWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-fix-'));
  cpSync(WORKSPACE, dir, { recursive: true });
  for (const f of files(dir)) utimesSync(path.join(dir, f), OLD, OLD);
  return dir;
}

interface Snapshot {
  readonly bytes: Buffer;
  readonly mtimeMs: number;
}

function snapshot(dir: string): Map<string, Snapshot> {
  return new Map(files(dir).map((f) => [f, { bytes: readFileSync(path.join(dir, f)), mtimeMs: statSync(path.join(dir, f)).mtimeMs }]));
}

function headingLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return engine.analyze(text, bundledSchema()).model.headings.map((h) => lines[h.line]);
}

/** The fixes fix-all would still offer for the text, straight from the engine. */
function fixAllOffers(text: string): number {
  const analysis = engine.analyze(text, bundledSchema());
  const diagnostics = engine.check(analysis);
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return engine.codeActions(analysis, diagnostics, zero, { uri: 'file:///w/doc.md', today: '2026-01-01', only: [FIX_ALL_KIND] }).length;
}

test('--fix applies every safe fix, keeps headings, and leaves files without fixes untouched; a second run changes nothing', () => {
  const dir = copyWorkspace();
  const before = snapshot(dir);
  const needingFixes = DOCUMENTS.filter((doc) => fixAllOffers(before.get(doc)!.bytes.toString('utf8')) > 0);
  assert.deepEqual(needingFixes, ['ARCHITECTURE.md', 'docs/architecture/payments.md'], 'the fixture has documents with and without fixes');

  const first = run(['check', '--fix', '--format', 'json', '.'], dir);
  assert.equal(first.code, 1, `placeholders remain, so the run fails: ${first.err}`);
  const report = JSON.parse(first.out) as { files: Array<{ path: string; fixed: number; diagnostics: Array<{ code: string }> }> };
  assert.deepEqual(report.files.map((f) => [f.path, f.fixed]).sort(), [
    ['ARCHITECTURE.md', 2],
    ['docs/architecture/clean.md', 0],
    ['docs/architecture/payments.md', 1],
  ]);
  assert.ok(report.files.every((f) => f.diagnostics.every((d) => d.code !== 'table-columns')), 'the report is of the fixed text');

  const after = snapshot(dir);
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no file is added or left behind');
  for (const [file, was] of before) {
    const now = after.get(file)!;
    if (needingFixes.includes(file)) {
      const text = now.bytes.toString('utf8');
      assert.notDeepEqual(now.bytes, was.bytes, `${file} was fixed`);
      assert.equal(fixAllOffers(text), 0, `${file}: no fixable diagnostic remains`);
      assert.deepEqual(headingLines(text), headingLines(was.bytes.toString('utf8')), `${file}: heading lines are unchanged`);
    } else {
      assert.deepEqual(now.bytes, was.bytes, `${file} is byte-identical`);
      assert.equal(now.mtimeMs, was.mtimeMs, `${file} keeps its modification time`);
    }
  }
  const crlf = after.get('docs/architecture/payments.md')!.bytes.toString('utf8');
  assert.equal(crlf.split('\r\n').length, crlf.split('\n').length, 'a CRLF document keeps CRLF on every line');

  const second = run(['check', '--fix', '.'], dir);
  assert.equal(second.code, 1);
  assert.doesNotMatch(second.err, /fixed/);
  for (const [file, was] of after) {
    const now = statSync(path.join(dir, file));
    assert.deepEqual(readFileSync(path.join(dir, file)), was.bytes, `second run: ${file} unchanged`);
    assert.equal(now.mtimeMs, was.mtimeMs, `second run: ${file} not written`);
  }
});

test('--fix exits 0 when nothing of warning or error severity remains after fixing', () => {
  const dir = copyWorkspace();
  // The workspace's documents describe no real repository: only the template applies.
  const r = run(['check', '--fix', '--document-only', 'docs/architecture/payments.md'], dir);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(r.out, '');
  assert.match(r.err, /^archdoc: fixed 1 problem in docs\/architecture\/payments\.md\n$/);
  assert.equal(run(['check', '--document-only', 'docs/architecture/payments.md'], dir).code, 0);
});

test('--fix works with every output format, each reporting what remains', () => {
  for (const format of ['text', 'json', 'sarif', 'github']) {
    const dir = copyWorkspace();
    const r = run(['check', '--fix', '--format', format, 'ARCHITECTURE.md'], dir);
    assert.equal(r.code, 1, `${format}: ${r.err}`);
    assert.match(r.err, /fixed 2 problems in ARCHITECTURE\.md/, format);
    // SARIF lists every rule; its results are what was found.
    const found = format === 'sarif' ? JSON.stringify((JSON.parse(r.out) as { runs: Array<{ results: unknown[] }> }).runs[0].results) : r.out;
    if (format === 'json') JSON.parse(r.out);
    assert.doesNotMatch(found, /table-columns/, `${format} reports the fixed text`);
    assert.match(found, /placeholder/, `${format} reports what remains`);
    assert.equal(fixAllOffers(readFileSync(path.join(dir, 'ARCHITECTURE.md'), 'utf8')), 0, format);
  }
});

test('--fix keeps a file\'s mode and writes a linked document through its link', () => {
  const dir = copyWorkspace();
  const doc = path.join(dir, 'docs', 'architecture', 'payments.md');
  chmodSync(doc, 0o640);
  const link = path.join(dir, 'linked.md');
  symlinkSync(doc, link);
  const r = run(['check', '--fix', '--document-only', 'linked.md'], dir);
  assert.equal(r.code, 0, r.err);
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.equal(statSync(doc).mode & 0o777, 0o640);
  assert.equal(fixAllOffers(readFileSync(doc, 'utf8')), 0);
});

test('--fix never writes a file it cannot read as text, and says why in one line', () => {
  const dir = copyWorkspace();
  const binary = path.join(dir, 'ARCHITECTURE-bin.md');
  writeFileSync(binary, Buffer.from([0x23, 0x20, 0x00]));
  utimesSync(binary, OLD, OLD);
  const r = run(['check', '--fix', 'ARCHITECTURE-bin.md'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.err, 'archdoc: ARCHITECTURE-bin.md: is a binary file (it contains NUL bytes)\n');
  assert.equal(statSync(binary).mtimeMs, OLD.getTime());
});
