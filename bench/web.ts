/**
 * `npm run bench:web`: the browser build's figures. The sizes of the web bundles (as shipped
 * and gzipped, as a browser fetches them); the Web Worker server's start to first
 * diagnostics, run as a browser runs it but in a Node realm with a worker's globals
 * (test/protocol/worker.ts), so that many rounds are cheap; and, in VS Code for the Web
 * offline (the web suite's harness), the time from ArchDoc's activation to the first
 * diagnostics of a document, with a fresh workbench each round.
 *
 * Options: `--rounds=N` workbench rounds (default 3), `--no-browser` skips them. `npm run bench`
 * includes the same figures (webFigures).
 */
import { readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ConfigurationRequest,
} from 'vscode-languageserver-protocol';
import { CAPABILITIES } from '../test/protocol/harness.ts';
import { startWorkerServer } from '../test/protocol/worker.ts';
import { prepareExtension, runSession } from '../test/web/harness/session.ts';
import { ensureVscodeWeb } from '../test/web/harness/vscodeWeb.ts';
import { BENCH_PREFIX } from '../test/web/suite/protocol.ts';
import { kb, ms, summarize, table, type Summary } from './stats.ts';

const ROOT = path.join(__dirname, '..');
const BUNDLES = ['dist/browser/extension.js', 'dist/browser/server.js'];
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 3);
const browser = !process.argv.includes('--no-browser');
const WORKER_ROUNDS = 10;

function sizes(): string {
  const rows = BUNDLES.map((bundle) => {
    const bytes = readFileSync(path.join(ROOT, bundle));
    return [bundle, kb(statSync(path.join(ROOT, bundle)).size), kb(gzipSync(bytes).length)];
  });
  return table(['Bundle', 'Size', 'Gzipped'], rows, ['l', 'r', 'r']);
}

/** Loading the worker bundle → `initialize` answered → first diagnostics of a small document. */
async function workerStart(): Promise<{ initialize: number; diagnostics: number }> {
  const text = readFileSync(path.join(ROOT, 'test', 'web', 'fixtures', 'workspace', 'ARCHITECTURE.md'), 'utf8');
  const started = performance.now();
  const server = startWorkerServer();
  const { connection } = server;
  connection.onRequest(RegistrationRequest.type, () => {});
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
  const uri = 'vscode-vfs://github/acme/shop/ARCHITECTURE.md';
  const published = new Promise<void>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri && params.diagnostics.length > 0) resolve();
    }),
  );
  await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: CAPABILITIES });
  const initialized = performance.now();
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await published;
  const diagnosed = performance.now();
  connection.dispose();
  return { initialize: initialized - started, diagnostics: diagnosed - started };
}

async function browserRounds(rounds: number): Promise<{ activate: Summary; diagnostics: Summary }> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'archdoc-bench-web-'));
  const log = (message: string) => process.stderr.write(`bench:web: ${message}\n`);
  try {
    const cache = ensureVscodeWeb();
    const extensionDir = prepareExtension(workDir);
    const activate: number[] = [];
    const diagnostics: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const { results, lines } = await runSession({ cache, workDir, extensionDir, suiteDir: path.join(ROOT, 'test', 'web', 'bench'), timeoutMs: 180_000, log });
      if (results.failed > 0 || results.error) throw new Error(`round ${round + 1} failed: ${results.error ?? JSON.stringify(results.tests)}`);
      const line = lines.find((l) => l.includes(BENCH_PREFIX));
      if (!line) throw new Error(`round ${round + 1} reported no measurement`);
      const measured = JSON.parse(line.slice(line.indexOf(BENCH_PREFIX) + BENCH_PREFIX.length)) as { activateMs: number; firstDiagnosticsMs: number };
      activate.push(measured.activateMs);
      diagnostics.push(measured.firstDiagnosticsMs);
      log(`round ${round + 1}: activate ${ms(measured.activateMs)} ms, first diagnostics ${ms(measured.firstDiagnosticsMs)} ms`);
    }
    return { activate: summarize(activate), diagnostics: summarize(diagnostics) };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function row(measure: string, s: Summary): string[] {
  return [measure, ms(s.median), ms(s.min), ms(s.max), String(s.n)];
}

export interface WebBenchOptions {
  /** Workbench rounds in VS Code for the Web; 0 skips the workbench. */
  readonly rounds: number;
}

/** The browser build's figures as markdown: bundle sizes, then start-up. Also part of `npm run bench`. */
export async function webFigures(options: WebBenchOptions): Promise<string> {
  const out = ['### Web bundles\n', sizes()];
  const init: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < WORKER_ROUNDS; i++) {
    const timing = await workerStart();
    init.push(timing.initialize);
    first.push(timing.diagnostics);
  }
  const rows = [row('worker bundle loaded → initialize answered', summarize(init)), row('worker bundle loaded → first diagnostics', summarize(first))];
  if (options.rounds > 0) {
    const measured = await browserRounds(options.rounds);
    rows.push(row('VS Code for the Web: activate() resolved', measured.activate), row('VS Code for the Web: activation → first diagnostics', measured.diagnostics));
  }
  out.push('\n### Start-up\n', table(['Measure', 'Median ms', 'Min ms', 'Max ms', 'n'], rows, ['l', 'r', 'r', 'r', 'r']));
  return out.join('\n');
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(`${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores; Node ${process.version}; load average at start ${loadavg().map((l) => l.toFixed(2)).join(', ')}\n`);
  console.log(await webFigures({ rounds: browser ? rounds : 0 }));
  console.log(`\nLoad average at end ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
