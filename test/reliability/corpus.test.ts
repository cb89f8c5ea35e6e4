/**
 * Corpora: every example of the CommonMark spec and a set of real-world markdown files go
 * through the core, the CLI and the server without error, with well-formed diagnostics, and
 * the server agrees with the core on each.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { engine, bundledSchema, diagnose, ROOT } from '../helpers/core.ts';
import { assertDiagnostics } from './helpers/diagnostics.ts';
import { Server } from './helpers/server.ts';

// commonmark-spec is CommonJS with no types: its `tests` are the spec's examples.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const spec = require('commonmark-spec') as { tests: Array<{ markdown: string; number: number; section: string }> };

const CORPUS_DIR = path.join(ROOT, 'test', 'fixtures', 'corpus');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Sample {
  readonly name: string;
  readonly text: string;
}

const examples: Sample[] = spec.tests.map((t) => ({ name: `example-${t.number}`, text: t.markdown }));
const realWorld: Sample[] = [
  ...readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
    .map((f) => ({ name: f.replace(/\.md$/, ''), text: readFileSync(path.join(CORPUS_DIR, f), 'utf8') })),
  { name: 'archdoc-ARCHITECTURE', text: readFileSync(path.join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8') },
  { name: 'spec', text: readFileSync(require.resolve('commonmark-spec/spec.txt'), 'utf8') },
];
const all = [...examples, ...realWorld];

describe('corpora through the core', () => {
  it(`checks all ${examples.length} CommonMark spec examples and ${realWorld.length} real-world files with well-formed diagnostics`, () => {
    assert.ok(examples.length > 600, `only ${examples.length} spec examples found`);
    for (const { name, text } of all) {
      try {
        assertDiagnostics(text, diagnose(text));
      } catch (error) {
        throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  });

  it('compiles every corpus file as a template, or refuses it with a message, and checks it against itself', () => {
    for (const { name, text } of all) {
      const compiled = engine.compileTemplate(text);
      if (compiled.error !== undefined) {
        assert.ok(compiled.error.length > 0, name);
        continue;
      }
      assertDiagnostics(text, engine.check(engine.analyze(text, compiled.schema)));
    }
  });
});

describe('corpora through the CLI and the server', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'archdoc-reliability-corpus-'));
  const docs = path.join(folder, 'docs', 'architecture');
  before(() => {
    mkdirSync(docs, { recursive: true });
    for (const { name, text } of all) writeFileSync(path.join(docs, `${name}.md`), text);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('checks every corpus file in one CLI run that reports each file and exits 0 or 1', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', folder], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    const json = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: unknown[] }> };
    assert.equal(json.files.length, all.length);
    const byName = new Map(all.map((s) => [`${s.name}.md`, s.text]));
    for (const f of json.files) {
      const text = byName.get(path.basename(f.path));
      assert.ok(text !== undefined, f.path);
      // The CLI reads bytes and decodes them; what it reports must be what the core finds in that text.
      assert.equal(f.diagnostics.length, diagnose(text, bundledSchema(), { selectedBy: 'name' }).length, f.path);
    }
  });

  it('publishes for every corpus file, opened in the server, the diagnostics the core computes', async () => {
    const server = await Server.start(folder);
    try {
      const schema = bundledSchema();
      for (const { name, text } of all) {
        const uri = pathToFileURL(path.join(docs, `${name}.md`)).href;
        await server.open(uri, text);
        const published = await server.diagnosticsAt(uri, 1, 20_000);
        assert.deepEqual(published.diagnostics, JSON.parse(JSON.stringify(diagnose(text, schema, { selectedBy: 'name' }))), name);
        await server.close(uri);
      }
      assert.ok(server.alive);
    } finally {
      await server.stop();
    }
  });
});
