/**
 * Hostile and huge input, each with a time bound and a stated behaviour: the core checks what
 * it is given; the CLI refuses what is not text with exit code 2 and a message; the server
 * declines documents above archdoc.maxFileSize and unusable templates with one diagnostic.
 * The bounds are several times the times measured on a loaded 2-core machine, so that they
 * catch a hang or a quadratic blow-up, not a slow day. Measured times are printed.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { engine, diagnose, ROOT } from '../helpers/core.ts';
import { assertDiagnostics } from './helpers/diagnostics.ts';
import { TEMPLATE_TEXT } from './helpers/documents.ts';
import { Server } from './helpers/server.ts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const MB = 1024 * 1024;

/** Checks `text` with the core within `boundMs`, asserts the diagnostics are well formed and prints the time. */
function checkWithin(t: TestContext, what: string, text: string, boundMs: number): void {
  const start = performance.now();
  const diagnostics = diagnose(text);
  const ms = performance.now() - start;
  t.diagnostic(`${what}: ${(text.length / MB).toFixed(2)} M chars checked in ${ms.toFixed(0)} ms, ${diagnostics.length} diagnostics`);
  assert.ok(ms < boundMs, `${what} took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
  assertDiagnostics(text, diagnostics);
}

describe('the core on hostile and huge documents', () => {
  it('checks a 10 MB document of template sections', (t) => {
    let text = '';
    while (text.length < 10 * MB) text += TEMPLATE_TEXT + '\n';
    checkWithin(t, '10 MB document', text, 120_000);
  });

  it('checks a 1 MB single line, plain or made of brackets', (t) => {
    checkWithin(t, '1 MB line of words', 'word '.repeat(MB / 5), 20_000);
    checkWithin(t, '1 MB line of placeholders', '[x] '.repeat(MB / 4), 20_000);
    checkWithin(t, '1 MB line of open brackets', '['.repeat(MB), 20_000);
    checkWithin(t, '1 MB line of emphasis and backticks', '*_`'.repeat(MB / 3), 20_000);
  });

  it('checks lists and blockquotes nested 10,000 deep without overflowing the stack', (t) => {
    checkWithin(t, '10,000 nested list markers', '- '.repeat(10_000) + 'x\n', 20_000);
    checkWithin(t, '10,000 nested blockquotes', '>'.repeat(10_000) + ' x\n', 20_000);
    checkWithin(t, '10,000 lines of ever deeper blockquotes', Array.from({ length: 10_000 }, (_, i) => '>'.repeat(i + 1) + ' x').join('\n'), 60_000);
    checkWithin(t, '10,000 lines of ever deeper ordered lists', Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i * 3) + '1. x').join('\n'), 60_000);
  });

  it('checks 100,000 headings and 100,000 table rows', (t) => {
    checkWithin(t, '100,000 headings', '## Overview\n'.repeat(100_000), 60_000);
    checkWithin(t, '100,000 table rows', '| a | b |\n|---|---|\n' + '| 1 |\n'.repeat(100_000), 60_000);
  });

  it('checks NUL bytes, lone surrogates, CR-only, mixed line endings and a BOM', (t) => {
    checkWithin(t, 'NUL bytes', '# Arch\u0000itecture\n\n\u0000## Overview\u0000\n', 1000);
    checkWithin(t, 'lone surrogates', '# \uD800Architecture\uDC00\n\n## Overview \uDBFF\n[\uDFFF]\n', 1000);
    checkWithin(t, 'CR only', TEMPLATE_TEXT.replace(/\n/g, '\r'), 5000);
    checkWithin(t, 'mixed', mixedEndings(TEMPLATE_TEXT), 5000);
    checkWithin(t, 'BOM', '\uFEFF' + TEMPLATE_TEXT.replace(/\n/g, '\r\n'), 5000);
  });

  it('refuses templates with no headings, with NUL bytes, over 1,000,000 characters or over 10,000 headings, with a message', () => {
    assert.match(engine.compileTemplate('just prose\n').error ?? '', /no headings/);
    assert.match(engine.compileTemplate('# A\u0000\n').error ?? '', /NUL/);
    assert.match(engine.compileTemplate('# A\n' + 'x'.repeat(1_000_001)).error ?? '', /too large/);
    assert.match(engine.compileTemplate('## A\n'.repeat(10_001)).error ?? '', /too many headings \(10001; at most 10000\)/);
    assert.equal(engine.compileTemplate('## A\n'.repeat(10_000)).error, undefined);
  });
});

/** The text with LF, CRLF and CR in turn; a CR is never put before an empty line, where CR LF would read as one break. */
function mixedEndings(text: string): string {
  const lines = text.split('\n');
  return lines.map((l, i) => (i === lines.length - 1 ? l : l + (i % 3 === 2 && lines[i + 1] !== '' ? '\r' : i % 3 === 1 ? '\r\n' : '\n'))).join('');
}

function cli(args: string[], cwd: string): { code: number | null; out: string; err: string; ms: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 1024 * MB });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: performance.now() - start };
}

describe('the CLI on hostile files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-reliability-hostile-'));
  const file = (name: string, content: string | Buffer): string => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a document with NUL bytes or invalid UTF-8 with exit code 2 and says why', () => {
    const nul = cli(['check', file('nul.md', '# Architecture\n\u0000\n')], dir);
    assert.equal(nul.code, 2);
    assert.match(nul.err, /nul\.md: is a binary file \(it contains NUL bytes\)/);
    const bad = cli(['check', file('latin1.md', Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]))], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /latin1\.md: is not valid UTF-8 text/);
  });

  it('checks CRLF, CR-only, mixed and BOM documents with the same positions as the LF document', () => {
    const findings = (p: string): string[] => {
      const r = cli(['check', '--format', 'json', p], dir);
      assert.equal(r.code, 1, `${p}: ${r.err}`);
      const json = JSON.parse(r.out) as { files: Array<{ diagnostics: Array<{ code: string; range: { start: { line: number; character: number } } }> }> };
      return json.files[0].diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}:${d.code}`);
    };
    const expected = findings(file('lf.md', TEMPLATE_TEXT));
    assert.ok(expected.length > 0);
    for (const [name, text] of [
      ['crlf.md', TEMPLATE_TEXT.replace(/\n/g, '\r\n')],
      ['cr.md', TEMPLATE_TEXT.replace(/\n/g, '\r')],
      ['mixed.md', mixedEndings(TEMPLATE_TEXT)],
      ['bom.md', '\uFEFF' + TEMPLATE_TEXT],
    ] as const) {
      assert.deepEqual(findings(file(name, text)), expected, name);
    }
  });

  it('refuses a template that is a directory, binary, over 1 MB or without headings, with exit code 2 and a message', (t) => {
    const doc = file('ARCHITECTURE.md', TEMPLATE_TEXT);
    mkdirSync(path.join(dir, 'template-dir'));
    const cases: Array<[string, RegExp]> = [
      [path.join(dir, 'template-dir'), /is a directory/],
      [file('binary.md', Buffer.from([0x23, 0x20, 0x41, 0x00, 0xff, 0x0a])), /binary/],
      [file('huge.md', '# Title\n' + 'x'.repeat(50 * MB)), /larger than the limit/],
      [file('prose.md', 'Only prose here.\n'), /no headings/],
      [path.join(dir, 'missing.md'), /no such file/],
    ];
    for (const [template, message] of cases) {
      const r = cli(['check', '--template', template, doc], dir);
      t.diagnostic(`template ${path.basename(template)}: exit ${r.code} in ${r.ms.toFixed(0)} ms: ${r.err.split('\n')[0]}`);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, message);
      assert.match(r.err, /^archdoc: template /);
    }
  });

  it('refuses a document over --max-size without reading it, and checks a 10 MB document within bounds', (t) => {
    let big = '';
    while (big.length < 10 * MB) big += TEMPLATE_TEXT + '\n';
    const p = file('big.md', big);
    const refused = cli(['check', '--max-size', String(MB), p], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /larger than the limit of 1048576 bytes/);
    const r = cli(['check', '--format', 'json', p], dir);
    t.diagnostic(`CLI check of a ${(big.length / MB).toFixed(1)} MB document: exit ${r.code} in ${r.ms.toFixed(0)} ms`);
    assert.equal(r.code, 1, r.err.slice(0, 500));
    assert.ok(r.ms < 120_000);
  });
});

describe('the server on hostile documents and templates', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'archdoc-reliability-hostile-server-'));
  let server: Server;
  before(async () => {
    mkdirSync(path.join(folder, 'template-dir'));
    writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x00, 0x0a]));
    writeFileSync(path.join(folder, 'huge.md'), '# Title\n' + 'x'.repeat(50 * MB));
    writeFileSync(path.join(folder, 'prose.md'), 'Only prose.\n');
    server = await Server.start(folder);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('declines a document above archdoc.maxFileSize with one diagnostic and one message, without freezing', async (t) => {
    let text = '';
    while (Buffer.byteLength(text) <= 5 * MB) text += TEMPLATE_TEXT + '\n';
    const uri = pathToFileURL(path.join(folder, 'ARCHITECTURE.md')).href;
    const start = performance.now();
    await server.open(uri, text);
    const published = await server.diagnosticsAt(uri, 1, 30_000);
    t.diagnostic(`a ${(Buffer.byteLength(text) / MB).toFixed(2)} MB document declined in ${(performance.now() - start).toFixed(0)} ms`);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['file-too-large']);
    await server.waitFor('the skipped-document message', () => server.messages.some((m) => m.message.includes('maxFileSize')));
    // Typing in the declined document keeps it declined, without a message per keystroke.
    await server.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    assert.deepEqual((await server.diagnosticsAt(uri, 2, 30_000)).diagnostics.map((d) => d.code), ['file-too-large']);
    assert.equal(server.messages.filter((m) => m.message.includes('maxFileSize')).length, 1);
    await server.close(uri);
  });

  for (const [name, marker, message] of [
    ['a directory', 'template-dir', /not a file/],
    ['binary', 'binary.md', /is a binary file/],
    ['50 MB', 'huge.md', /larger than/],
    ['without headings', 'prose.md', /no headings/],
  ] as const) {
    it(`reports a template that is ${name} with one template-error diagnostic`, async () => {
      const uri = pathToFileURL(path.join(folder, `docs/architecture/${marker}.md`)).href;
      await server.open(uri, `<!-- archdoc-template: ${path.join(folder, marker)} -->\n# Architecture\n`);
      const published = await server.diagnosticsAt(uri, 1, 30_000);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['template-error']);
      assert.match(String(published.diagnostics[0].message), message);
      await server.close(uri);
    });
  }
});
