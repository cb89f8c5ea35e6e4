/**
 * The server with hostile input open: while a README holds an unclosed template marker, or a
 * document is named to make `archdoc.files` globs backtrack, or any hostile line of the
 * slow-input patterns is open, a hover on another document is answered within 5 s. Opening each
 * pattern (to its diagnostics, then a hover elsewhere) and the code actions that once re-checked
 * the document per diagnostic grow linearly: t(4n) ≤ 6·t(n) + 0.3 s, as in slowInput.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, HoverRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers/core.ts';
import { assertLinear, best } from './helpers/growth.ts';
import { guidanceDocument, SLOW_INPUTS, wideTemplate } from './helpers/slowInputs.ts';
import { Server } from './helpers/server.ts';

const BUNDLED = readFileSync(path.join(ROOT, 'server', 'templates', 'ARCHITECTURE.md'), 'utf8');

describe('the server with hostile documents and settings open', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'archdoc-slow-server-'));
  const files = ['*a*a*a*a*a*a*a*a*a*a*a*b', '**/*a*a*a*a*a*a*a*a*a*a*a*b/**'];
  let server: Server;
  const architecture = pathToFileURL(path.join(folder, 'ARCHITECTURE.md')).href;
  before(async () => {
    mkdirSync(path.join(folder, 'docs', 'architecture'), { recursive: true });
    server = await Server.start(folder, { settings: { files } });
    await server.open(architecture, '# Architecture\n\n## Overview\n\nWritten.\n');
    await server.diagnosticsAt(architecture, 1, 30_000);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  let opened = 0;
  /** Opens `text` as a new README (not an architecture document), then times a hover on ARCHITECTURE.md. */
  const hoverWhileOpen = async (name: string, text: string): Promise<number> => {
    const uri = pathToFileURL(path.join(folder, `${name}-${opened++}.md`)).href;
    const start = performance.now();
    await server.open(uri, text);
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: architecture }, position: { line: 2, character: 4 } });
    const ms = performance.now() - start;
    await server.close(uri);
    return ms;
  };

  it('answers a hover within 5 s while a README holds an unclosed template marker, growing linearly', async (t) => {
    const readme = (n: number): string => `# Readme\n\n<!-- archdoc-template:${' '.repeat(n)}\n`;
    const ms = await hoverWhileOpen('README', readme(256_000));
    t.diagnostic(`hover with a 256 KB unclosed marker open: ${ms.toFixed(0)} ms`);
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
    await assertLinear(t, 'unclosed marker in a README', 64_000, (n) => best(3, () => hoverWhileOpen('README', readme(n))));
  });

  it('answers a hover within 5 s while a document is named to make archdoc.files globs backtrack', async (t) => {
    const ms = await hoverWhileOpen('a'.repeat(60), '# Notes\n');
    t.diagnostic(`hover after opening ${'a'.repeat(60)}.md against ${files.join(', ')}: ${ms.toFixed(0)} ms`);
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  });

  it('answers a hover within 5 s while every hostile line is open in an architecture document', async (t) => {
    for (const input of SLOW_INPUTS.filter((i) => i.kind === 'document')) {
      const uri = pathToFileURL(path.join(folder, 'docs', 'architecture', `${opened++}.md`)).href;
      const start = performance.now();
      await server.open(uri, input.build(4 * input.n));
      await server.diagnosticsAt(uri, 1, 30_000);
      await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: architecture }, position: { line: 2, character: 4 } });
      const ms = performance.now() - start;
      t.diagnostic(`${input.name} at 4n: checked and hover answered in ${ms.toFixed(0)} ms`);
      assert.ok(ms < 5000, `${input.name}: ${ms.toFixed(0)} ms`);
      await server.close(uri);
    }
  });

  for (const input of SLOW_INPUTS.filter((i) => i.kind === 'document')) {
    it(`opens "${input.name}" to its diagnostics and a hover elsewhere in time growing linearly`, async (t) => {
      await assertLinear(t, input.name, input.n, (n) => {
        const text = input.build(n);
        return best(2, async () => {
          const uri = pathToFileURL(path.join(folder, 'docs', 'architecture', `${opened++}.md`)).href;
          await server.open(uri, text);
          await server.diagnosticsAt(uri, 1, 60_000);
          await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: architecture }, position: { line: 2, character: 4 } });
          await server.close(uri);
        });
      });
    });
  }

  /** Opens `text`, waits for its diagnostics, and times the quick fixes asked for over `lines` (all of them when undefined). */
  const timeActions = async (text: string, name: string, line?: number): Promise<{ ms: number; diagnostics: number; actions: number }> => {
    const uri = pathToFileURL(path.join(folder, 'docs', 'architecture', `${name}-${opened++}.md`)).href;
    await server.open(uri, text);
    const { diagnostics } = await server.diagnosticsAt(uri, 1, 60_000);
    const lineCount = text.split('\n').length;
    const range = line === undefined ? { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } } : { start: { line, character: 0 }, end: { line, character: 0 } };
    const inRange = diagnostics.filter((d) => d.range.start.line >= range.start.line && d.range.start.line <= range.end.line);
    const start = performance.now();
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: inRange, only: ['quickfix'] } })) as CodeAction[];
    const ms = performance.now() - start;
    await server.close(uri);
    return { ms, diagnostics: inRange.length, actions: actions.length };
  };

  it('answers quick fixes for a whole-document selection in time growing linearly with the document', async (t) => {
    await assertLinear(t, 'whole-document quick fixes on template guidance', 32 * 1024, async (bytes) => {
      let fastest = Infinity;
      for (let i = 0; i < 2; i++) {
        const r = await timeActions(guidanceDocument(BUNDLED, bytes), 'guidance');
        assert.ok(r.diagnostics > 0 && r.actions > 0, `${r.diagnostics} diagnostics, ${r.actions} actions`);
        fastest = Math.min(fastest, r.ms);
      }
      return fastest;
    });
  });

  it('answers the light bulb on line 1 in time growing linearly with the number of missing sections', async (t) => {
    await assertLinear(t, 'quick fixes on line 1 with every section of the template missing', 125, async (count) => {
      const template = path.join(folder, `wide-${count}.md`);
      writeFileSync(template, wideTemplate(count));
      let fastest = Infinity;
      for (let i = 0; i < 2; i++) {
        const r = await timeActions(`<!-- archdoc-template: ${template} -->\n# Architecture\n\nWritten.\n`, 'wide', 1);
        assert.ok(r.actions > 0, `${r.diagnostics} diagnostics, ${r.actions} actions`);
        fastest = Math.min(fastest, r.ms);
      }
      return fastest;
    });
  });

  it('refuses a FIFO template within seconds', async (t) => {
    const fifo = path.join(folder, 'fifo.md');
    spawnSync('mkfifo', [fifo]);
    const uri = pathToFileURL(path.join(folder, 'docs', 'architecture', 'fifo-user.md')).href;
    const start = performance.now();
    await server.open(uri, `<!-- archdoc-template: ${fifo} -->\n# Architecture\n`);
    const published = await server.diagnosticsAt(uri, 1, 10_000);
    t.diagnostic(`FIFO template refused in ${(performance.now() - start).toFixed(0)} ms`);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['template-error']);
    assert.match(String(published.diagnostics[0].message), /is a FIFO/);
  });
});
