/**
 * The CLI on what a repository can commit: devices, FIFOs, sockets, links out of the tree and
 * link loops are refused within seconds with a message; each file is reported once; bad
 * option values are refused; `new --force` replaces documents only, keeping their mode; and
 * columns after a byte order mark agree with the server's.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { sarifChunks } from '../../server/src/cli/report.ts';
import { ROOT } from '../helpers/core.ts';
import { TEMPLATE_TEXT } from './helpers/documents.ts';
import { Server } from './helpers/server.ts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
/** Far more than any refusal takes; a read of /dev/zero or a FIFO would never end within it. */
const REFUSAL_MS = 10_000;

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

/** Runs the CLI as a process; a run that outlives the deadline is killed and reported as such. */
function cli(args: string[], cwd: string, timeoutMs = REFUSAL_MS): Promise<Run> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, ms: performance.now() - start });
    });
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-cli-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const at = (...parts: string[]): string => path.join(dir, ...parts);
const write = (relative: string, text: string | Buffer): string => {
  mkdirSync(path.dirname(at(relative)), { recursive: true });
  writeFileSync(at(relative), text);
  return at(relative);
};

describe('the CLI reads only regular files, within the tree it was given', () => {
  it('refuses a document linked to /dev/zero, a FIFO and a socket within seconds, saying what each is', async () => {
    mkdirSync(at('zero'));
    symlinkSync('/dev/zero', at('zero', 'ARCHITECTURE.md'));
    execFileSync('mkfifo', [at('fifo.md')]);
    const socket = createServer().listen(at('socket.md'));
    try {
      for (const [file, message] of [
        [at('zero', 'ARCHITECTURE.md'), /is a device, not a regular file/],
        [at('fifo.md'), /is a FIFO \(named pipe\), not a regular file/],
        [at('socket.md'), /is a socket, not a regular file/],
      ] as const) {
        const r = await cli(['check', file], dir);
        assert.equal(r.code, 2, `${file}: ${r.err}`);
        assert.match(r.err, message);
        assert.ok(r.ms < REFUSAL_MS);
      }
    } finally {
      socket.close();
    }
  });

  it('refuses a template that is /dev/zero or a FIFO within seconds', async () => {
    const doc = write('t/ARCHITECTURE.md', TEMPLATE_TEXT);
    for (const [template, message] of [
      ['/dev/zero', /template \/dev\/zero: is a device/],
      [at('fifo.md'), /template .*fifo\.md: is a FIFO/],
    ] as const) {
      const r = await cli(['check', '--template', template, doc], dir);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, message);
    }
  });

  it('never follows a link out of the folder it walks, and never prints the outside file', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'archdoc-cli-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.md'), '# Secret\n\n## Overview\n\ntop secret words\n');
      write('tree/docs/architecture/own.md', TEMPLATE_TEXT);
      mkdirSync(at('tree', 'r'));
      symlinkSync('/', at('tree', 'r', 'root'));
      symlinkSync(path.join(outside, 'secret.md'), at('tree', 'ARCHITECTURE.md'));
      const r = await cli(['check', '--format', 'json', 'tree'], dir, 60_000);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /tree\/ARCHITECTURE\.md: is a symbolic link to .*secret\.md, outside .*tree; not followed/);
      assert.doesNotMatch(r.out + r.err, /top secret/);
      const files = (JSON.parse(r.out) as { files: Array<{ path: string }> }).files.map((f) => f.path);
      assert.deepEqual(files, [path.join('tree', 'docs', 'architecture', 'own.md')]);
      assert.ok(r.ms < 30_000, `walking the tree took ${r.ms.toFixed(0)} ms`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports a file named twice, or through a link, once under its real path', async () => {
    write('once/ARCHITECTURE.md', '# Architecture\n');
    symlinkSync('ARCHITECTURE.md', at('once', 'architecture.md'));
    const r = await cli(['check', '--format', 'json', 'once', 'once/ARCHITECTURE.md', 'once/architecture.md'], dir);
    const files = (JSON.parse(r.out) as { files: Array<{ path: string }> }).files.map((f) => f.path);
    assert.deepEqual(files, [path.join('once', 'ARCHITECTURE.md')]);
  });

  it('says a symbolic link loop is one, not that the file is missing', async () => {
    symlinkSync('loop-b.md', at('loop-a.md'));
    symlinkSync('loop-a.md', at('loop-b.md'));
    const r = await cli(['check', 'loop-a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /loop-a\.md: is a symbolic link loop/);
  });

  it('says UTF-16 text is UTF-16, not binary', async () => {
    const utf16 = write('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEMPLATE_TEXT, 'utf16le')]));
    const noBom = write('utf16-nobom.md', Buffer.from(TEMPLATE_TEXT, 'utf16le'));
    for (const file of [utf16, noBom]) {
      const r = await cli(['check', file], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /is UTF-16 text; save it as UTF-8/);
    }
  });

  it('exits 2 and says so when a folder holds no architecture document', async () => {
    write('empty/docs/notes.md', '# Notes\n');
    const r = await cli(['check', 'empty/docs'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /empty\/docs: no architecture documents found/);
  });
});

describe('the CLI refuses bad option values', () => {
  for (const [args, message] of [
    [['check', '--severity', 'placeholder=off=junk', 'x.md'], /--severity takes CODE=LEVEL, with one "="/],
    [['check', '--max-size', '0x10', 'x.md'], /--max-size must be a whole number of bytes \(got "0x10"\)/],
    [['check', '--max-size', '1e3', 'x.md'], /--max-size must be a whole number of bytes/],
    [['new', '--date', '2025-13-45', 'n1/ARCHITECTURE.md'], /--date must be a real date/],
    [['new', '--date', '2025-02-30', 'n1/ARCHITECTURE.md'], /--date must be a real date/],
    [['new', '--status', 'Bogus', 'n1/ARCHITECTURE.md'], /--status must be one of the template's values: Draft, Active, Deprecated/],
    [['new', ''], /new needs a PATH to write \(got an empty one\)/],
  ] as const) {
    it(`archdoc ${args.map((a) => (a === '' ? '""' : a)).join(' ')}`, async () => {
      const r = await cli([...args], dir);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, message);
      assert.doesNotMatch(r.err, /ENOENT|EEXIST|ENOTDIR/);
    });
  }

  it('`new` under a file says the path goes through a file, and leaves nothing behind', async () => {
    write('DOC.md', '# Doc\n');
    const r = await cli(['new', 'DOC.md/x.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /DOC\.md\/x\.md: cannot be created, as a part of its path is a file, not a folder/);
    assert.equal(readFileSync(at('DOC.md'), 'utf8'), '# Doc\n');
  });

  it('`new --status active` uses the template\'s spelling', async () => {
    const r = await cli(['new', '--status', 'active', '--date', '2024-02-29', 'n2/ARCHITECTURE.md'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(readFileSync(at('n2', 'ARCHITECTURE.md'), 'utf8'), /\*\*Status\*\*: Active/);
  });
});

describe('new --force', () => {
  it('refuses to replace a FIFO', async () => {
    execFileSync('mkfifo', [at('force-fifo.md')]);
    const r = await cli(['new', '--force', 'force-fifo.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /is not a regular file/);
    assert.ok(statSync(at('force-fifo.md')).isFIFO());
  });

  it('keeps the mode of the document it replaces', async () => {
    write('private/ARCHITECTURE.md', '# Old\n');
    chmodSync(at('private', 'ARCHITECTURE.md'), 0o600);
    const r = await cli(['new', '--force', 'private/ARCHITECTURE.md'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(statSync(at('private', 'ARCHITECTURE.md')).mode & 0o777, 0o600);
  });
});

describe('a byte order mark', () => {
  it('moves line-1 columns the same way in the CLI and in the server', async () => {
    const text = '\uFEFF# Architecure\n\n## Overview\n\n**Status**: Bogus\n';
    const file = write('bom/ARCHITECTURE.md', text);
    const r = await cli(['check', '--format', 'json', file], dir);
    const fromCli = (JSON.parse(r.out) as { files: Array<{ diagnostics: Array<{ code: string; range: { start: { line: number; character: number } } }> }> }).files[0].diagnostics
      .map((d) => `${d.range.start.line}:${d.range.start.character}:${d.code}`)
      .sort();
    const server = await Server.start(at('bom'));
    try {
      const uri = pathToFileURL(file).href;
      await server.open(uri, text);
      const published = await server.diagnosticsAt(uri, 1, 30_000);
      const fromServer = published.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}:${String(d.code)}`).sort();
      assert.ok(fromCli.some((p) => p.startsWith('0:')), `a finding on line 1: ${fromCli.join(' ')}`);
      assert.deepEqual(fromCli, fromServer);
    } finally {
      await server.stop();
    }
  });
});

describe('SARIF', () => {
  it('writes a log larger than the longest string V8 can hold, one result at a time', () => {
    const diagnostic = { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 14 } }, severity: 2, code: 'placeholder', message: 'Unfilled placeholder [Owner Name]'.padEnd(300, '.') } as const;
    const diagnostics = new Array(1_500_000).fill(diagnostic);
    let length = 0;
    let pieces = 0;
    let last = '';
    for (const piece of sarifChunks([{ path: 'docs/ARCHITECTURE.md', diagnostics }], '0.0.0')) {
      length += piece.length;
      pieces++;
      if (pieces === 2) assert.equal((JSON.parse(piece.slice(1)) as { ruleId: string }).ruleId, 'placeholder');
      last = piece;
    }
    assert.ok(length > 2 ** 29, `${length} characters`);
    assert.equal(pieces, diagnostics.length + 2);
    assert.match(last, /^\n {6}\]\n/);
  });

  it('percent-encodes artifact URIs: relative ones against %SRCROOT%, absolute ones as file: URIs', async () => {
    const file = write('odd names/a #1?%.md', '# Architecture\n');
    const sub = await cli(['check', '--format', 'sarif', 'odd names/a #1?%.md'], dir);
    const log = JSON.parse(sub.out) as { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }> }> };
    const location = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(location, { uri: 'odd%20names/a%20%231%3F%25.md', uriBaseId: '%SRCROOT%' });
    assert.equal(new URL(location.uri, log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).href, pathToFileURL(file).href);
    const absolute = await cli(['check', '--format', 'sarif', file], dir);
    const uri = (JSON.parse(absolute.out) as typeof log).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, pathToFileURL(file).href);
  });
});
