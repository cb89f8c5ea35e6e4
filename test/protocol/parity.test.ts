/**
 * The editor and CI agree: over a workspace with config files (one nested), two file templates,
 * per-glob and front-matter template choices, a comment opt-in, an opt-out, a `.markdown` file
 * and severity overrides, the real server (over stdio) and the real CLI (`archdoc check --format
 * json`) check exactly the same documents and report the same codes, ranges and severities.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { OutlineRequest, type OutlineResult } from '../../server/src/protocol.ts';
import { Client, ROOT } from './harness.ts';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'parity');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const NAMES: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

interface Finding {
  readonly code: string;
  readonly severity: string;
  readonly range: Diagnostic['range'];
}

function markdownFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '.git' ? [] : markdownFiles(full, base);
    return /\.(md|markdown)$/.test(entry.name) ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

const key = (f: Finding): string => JSON.stringify([f.range.start.line, f.range.start.character, f.code, f.severity, f.range.end]);
const sorted = (findings: Finding[]): Finding[] => [...findings].sort((a, b) => key(a).localeCompare(key(b)));

describe('the server and the CLI on one workspace', () => {
  let dir: string;
  const server = new Map<string, Finding[]>();
  let cli: Map<string, Finding[]>;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'archdoc-parity-'));
    cpSync(FIXTURE, dir, { recursive: true });
    mkdirSync(path.join(dir, '.git'));
    const client = await Client.start({ folder: dir });
    try {
      for (const relative of markdownFiles(dir)) {
        const uri = pathToFileURL(path.join(dir, relative)).href;
        await client.open(uri, readFileSync(path.join(dir, relative), 'utf8'));
        const published = await client.diagnosticsFor(uri, 1, 30_000);
        const outline = (await client.connection.sendRequest(OutlineRequest, { uri })) as OutlineResult | null;
        if (outline === null) {
          assert.deepEqual(published.diagnostics, [], `${relative} is not checked, yet has diagnostics`);
          continue;
        }
        server.set(relative, published.diagnostics.map((d) => ({ code: String(d.code), severity: NAMES[d.severity ?? 0], range: d.range })));
      }
    } finally {
      await client.stop();
    }
    const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, `archdoc check exited ${run.status}: ${run.stderr}`);
    const json = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: Finding[] }> };
    cli = new Map(json.files.map((f) => [f.path.split(path.sep).join('/'), f.diagnostics.map(({ code, severity, range }) => ({ code, severity, range }))]));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks exactly the documents the editor checks', () => {
    assert.deepEqual([...cli.keys()].sort(), [...server.keys()].sort());
    assert.deepEqual([...server.keys()].sort(), [
      'ARCHITECTURE.md',
      'design/payments/flows.md',
      'docs/adr/0001-use-kafka.md',
      'docs/architecture/ledger.markdown',
      'notes/billing.md',
      'notes/overview.md',
      'services/billing/ARCHITECTURE.md',
    ]);
  });

  it('reports the same codes, ranges and severities for every document', () => {
    for (const [file, findings] of server) assert.deepEqual(sorted(cli.get(file) ?? []), sorted(findings), file);
  });

  it('follows the config files, templates and markers the workspace sets', () => {
    const codes = (file: string): string[] => (server.get(file) ?? []).map((f) => `${f.code}:${f.severity}`).sort();
    // Root config: placeholders are errors, template text is off.
    assert.ok(codes('ARCHITECTURE.md').includes('placeholder:error'));
    assert.ok(!codes('design/payments/flows.md').some((c) => c.startsWith('template-text')));
    // The per-glob ADR template: its own Status values and sections.
    assert.deepEqual(codes('docs/adr/0001-use-kafka.md'), ['invalid-date:error', 'invalid-value:error', 'missing-section:warning']);
    // Front matter names the service template, relative to the document.
    assert.deepEqual(codes('notes/billing.md'), ['invalid-value:error', 'missing-section:warning', 'placeholder:error']);
    // The nested config replaces the root one: its template and its severity.
    assert.deepEqual(codes('services/billing/ARCHITECTURE.md'), ['invalid-value:warning', 'missing-section:warning']);
  });
});
