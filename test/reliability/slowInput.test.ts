/**
 * Growth on hostile input: each pattern that once made the engine, the CLI or the server
 * superlinear is timed at a size n and at 4n, and must grow no faster than
 * t(4n) ≤ 6·t(n) + 0.3 s (linear growth gives 4×). The machine is shared and noisy, so each
 * time is the best of a few runs. While a hostile document is open, the server still answers
 * a hover on another document within 5 s. Measured times are printed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it, type TestContext } from 'node:test';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { createLanguageService } from '../../server/src/core/index.ts';
import { bundledSchema, ROOT } from '../helpers/core.ts';
import { SLOW_INPUTS, type SlowInput } from './helpers/slowInputs.ts';
import { Server } from './helpers/server.ts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const GROWTH = 6;
const SLACK_MS = 300;

/** The best of `runs` timings of `work`, in milliseconds. */
async function best(runs: number, work: () => unknown): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

async function assertLinear(t: TestContext, what: string, n: number, time: (n: number) => Promise<number>): Promise<void> {
  const small = await time(n);
  const large = await time(4 * n);
  t.diagnostic(`${what}: ${small.toFixed(0)} ms at n = ${n}, ${large.toFixed(0)} ms at 4n (×${(large / Math.max(small, 1)).toFixed(1)})`);
  assert.ok(large <= GROWTH * small + SLACK_MS, `${what}: ${small.toFixed(0)} ms at n, ${large.toFixed(0)} ms at 4n`);
}

/** Runs the input through a fresh engine, so that no compiled template is reused. */
function runCore(input: SlowInput, text: string): void {
  const engine = createLanguageService();
  if (input.kind === 'template') {
    const compiled = engine.compileTemplate(text);
    if (compiled.schema) engine.check(engine.analyze('# Architecture\n', compiled.schema));
  } else {
    engine.check(engine.analyze(text, bundledSchema()));
  }
}

describe('the core grows linearly on every hostile pattern', () => {
  for (const input of SLOW_INPUTS) {
    it(input.name, async (t) => {
      await assertLinear(t, input.name, input.n, (n) => {
        const text = input.build(n);
        return best(3, () => runCore(input, text));
      });
    });
  }
});

describe('the CLI grows linearly on every hostile pattern', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-slow-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const doc = path.join(dir, 'plain.md');
  writeFileSync(doc, '# Architecture\n');
  for (const input of SLOW_INPUTS) {
    it(input.name, async (t) => {
      await assertLinear(t, input.name, input.n, (n) => {
        const file = path.join(dir, `${input.kind}-${n}.md`);
        writeFileSync(file, input.build(n));
        const args = input.kind === 'template' ? ['check', '--template', file, doc] : ['check', file];
        return best(2, () => {
          const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
          assert.ok(r.status === 0 || r.status === 1, `${input.name}: exit ${r.status}: ${r.stderr.slice(0, 300)}`);
        });
      });
    });
  }
});

describe('the server with hostile documents and settings open', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'archdoc-slow-server-'));
  const files = ['*a*a*a*a*a*a*a*a*a*a*a*b', '**/*a*a*a*a*a*a*a*a*a*a*a*b/**'];
  let server: Server;
  const architecture = pathToFileURL(path.join(folder, 'ARCHITECTURE.md')).href;
  before(async () => {
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
