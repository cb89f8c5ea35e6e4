/**
 * `npm run bench`: ArchDoc against markdown-it and markdownlint in process, the language server
 * through the protocol, its memory with a large document, the repository checks (first scan and
 * one-file change at 1,000 and 10,000 files, a keystroke at 2,000 lines), and the size of what
 * ships. Prints markdown tables and the targets of issue 6, each marked met or missed.
 *
 * Then the browser build's figures (web.ts): its bundles' sizes and its start-up, in a worker
 * realm and in VS Code for the Web.
 *
 * Options: `--no-package` skips building the .vsix (which also rebuilds dist/); `--quick` runs
 * fewer rounds, for checking the benchmark itself rather than taking numbers; `--no-web` skips
 * the browser build's figures, `--no-browser` only its rounds in VS Code for the Web.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem, loadavg } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureCodeActions } from './codeActions.ts';
import { repositoryReport } from './repository.ts';
import { generateDocument } from './generate.ts';
import { hostileTable } from './hostile.ts';
import { loadSchema, measureInProcess, TEMPLATE_PATH, TOOLS, type InProcessResult, type Tool } from './inProcess.ts';
import { BenchServer, measureDocument, memoryWith, SERVER, type DocTimings, type Memory } from './protocol.ts';
import { kb, ms, summarize, table, thousands, type Summary } from './stats.ts';
import { webFigures } from './web.ts';

const ROOT = path.join(__dirname, '..');
/** Caps V8's young generation (semi-spaces) at 1 MB; see docs/benchmarks.md. */
const SMALL_YOUNG_GENERATION = '--max-semi-space-size=1';
const quick = process.argv.includes('--quick');
const packageVsix = !process.argv.includes('--no-package');
const web = !process.argv.includes('--no-web');
const webRounds = process.argv.includes('--no-browser') ? 0 : quick ? 1 : 3;

function machine(): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  return `${model}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB; Node ${process.version} (${process.platform}/${process.arch}); load average at start ${load}`;
}

function mb(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function fileSize(file: string): number | undefined {
  return existsSync(file) ? statSync(file).size : undefined;
}

/** Packages the extension into a temporary .vsix (vsce rebuilds dist/ first) and returns its size. */
function vsixSize(): { bytes?: number; note: string } {
  if (!packageVsix) return { note: 'skipped (--no-package)' };
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-bench-vsix-'));
  const out = path.join(dir, 'archdoc.vsix');
  try {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out], { cwd: ROOT, stdio: 'pipe' });
    return { bytes: fileSize(out), note: 'vsce package' };
  } catch (error) {
    const message = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? String(error);
    return { note: `n/a: vsce package failed (${message})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function inProcessTable(results: readonly InProcessResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    const floor = r.summaries['markdown-it parse'].median;
    for (const tool of TOOLS) {
      const s = r.summaries[tool];
      rows.push([thousands(r.lines), tool, ms(s.median), ms(s.min), ms(s.max), `${(s.median / floor).toFixed(2)}×`, String(r.findings[tool]), `${r.warmup}+${s.n}`]);
    }
  }
  return table(['Lines', 'Tool', 'Median ms', 'Min ms', 'Max ms', '× parse', 'Output', 'Warm-up+runs'], rows, ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r']);
}

function protocolTable(docs: readonly DocTimings[], initialize: Summary): string {
  const rows: string[][] = [['—', 'server start → initialize answered', ms(initialize.median), ms(initialize.p95), ms(initialize.min), ms(initialize.max), String(initialize.n)]];
  for (const d of docs) {
    for (const { measure, summary } of d.rows) {
      rows.push([thousands(d.lines), measure, ms(summary.median), ms(summary.p95), ms(summary.min), ms(summary.max), String(summary.n)]);
    }
  }
  return table(['Lines', 'Measure', 'p50 ms', 'p95 ms', 'Min ms', 'Max ms', 'n'], rows, ['r', 'l', 'r', 'r', 'r', 'r', 'r']);
}

interface Target {
  readonly what: string;
  readonly value: string;
  readonly met: boolean | undefined;
}

function targetTable(targets: readonly Target[]): string {
  return table(
    ['Target', 'Measured', 'Met'],
    targets.map((t) => [t.what, t.value, t.met === undefined ? 'n/a' : t.met ? 'yes' : 'NO']),
  );
}

async function protocolRuns(docs: ReadonlyMap<number, string>, sizes: readonly number[], rssLines: number) {
  const folder = mkdtempSync(path.join(tmpdir(), 'archdoc-bench-'));
  const uriOf = (lines: number): string => pathToFileURL(path.join(folder, 'docs', 'architecture', `generated-${lines}.md`)).href;
  try {
    // Start-up: a few separate starts; the last server stays up for the rest.
    const starts: number[] = [];
    let server: BenchServer | undefined;
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      await server?.stop();
      const started = await BenchServer.start(folder);
      server = started.server;
      starts.push(started.initializeMs);
    }
    const live = server as BenchServer;
    const timings: DocTimings[] = [];
    for (const lines of sizes) {
      timings.push(await measureDocument(live, uriOf(lines), { lines, text: docs.get(lines) as string, edits: quick ? 20 : 200, requests: quick ? 20 : 100 }));
    }
    await live.stop();
    // Memory in a fresh server, so that it shows the cost of the large document alone; once as
    // launched by default, once with a small young generation (see docs/benchmarks.md).
    const memory: Array<{ launch: string; memory: Memory | undefined }> = [];
    for (const execArgv of [[], [SMALL_YOUNG_GENERATION]]) {
      const { server: fresh } = await BenchServer.start(folder, execArgv);
      memory.push({ launch: execArgv.length ? `node ${execArgv.join(' ')}` : 'node (defaults)', memory: await memoryWith(fresh, uriOf(rssLines), docs.get(rssLines) as string) });
      await fresh.stop();
    }
    return { initialize: summarize(starts), timings, memory };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function find(docs: readonly DocTimings[], lines: number, measure: string): Summary | undefined {
  return docs.find((d) => d.lines === lines)?.rows.find((r) => r.measure === measure)?.summary;
}

async function main(): Promise<void> {
  const began = performance.now();
  console.log(`# ArchDoc benchmark\n\n${machine()}\n`);

  const vsix = vsixSize();
  const sizes = {
    extension: fileSize(path.join(ROOT, 'dist', 'extension.js')),
    server: fileSize(SERVER),
  };

  const lineCounts = [1_000, 2_000, 10_000, 50_000];
  const docs = new Map(lineCounts.map((lines) => [lines, generateDocument({ lines })]));
  const actualLines = (lines: number): number => (docs.get(lines) as string).split('\n').length;
  console.log(`Generated documents (seeded): ${lineCounts.map((n) => `${thousands(actualLines(n))} lines, ${kb(Buffer.byteLength(docs.get(n) as string))}`).join('; ')}\n`);

  const schema = loadSchema();
  // markdownlint dominates each round; the budgets keep the whole run near three minutes. The
  // largest document needs no warm-up of its own: the smaller ones have warmed every tool up.
  const plans = [
    { lines: 1_000, warmup: 5, seconds: quick ? 2 : 8, minRounds: 5, maxRounds: 60 },
    { lines: 10_000, warmup: 2, seconds: quick ? 4 : 18, minRounds: 5, maxRounds: 30 },
    { lines: 50_000, warmup: 0, seconds: quick ? 5 : 30, minRounds: quick ? 1 : 3, maxRounds: 10 },
  ].map((p) => ({ ...p, text: docs.get(p.lines) as string }));
  const inProcess = measureInProcess(schema, plans);
  console.log('## In process\n\nMilliseconds per call on the same text; × parse is the median over markdown-it\'s parse (default preset). Output: tokens, diagnostics or lint errors.\n');
  console.log(inProcessTable(inProcess) + '\n');
  const median = (lines: number, tool: Tool): number => (inProcess.find((r) => r.lines === lines) as InProcessResult).summaries[tool].median;
  const growth = median(50_000, 'ArchDoc check') / median(10_000, 'ArchDoc check');
  const parseGrowth = median(50_000, 'markdown-it parse') / median(10_000, 'markdown-it parse');
  console.log(`Growth 10,000 → 50,000 lines: ArchDoc check ×${growth.toFixed(2)}, markdown-it parse ×${parseGrowth.toFixed(2)} (linear: ×5).\n`);

  const actions = measureCodeActions(schema, readFileSync(TEMPLATE_PATH, 'utf8'), quick ? 2 : 5);
  console.log('## Code actions in process\n\nMilliseconds per request on a fresh diagnostics list (nothing answered from memory). Output: actions offered, or fixes applied.\n');
  console.log(table(['Measure', 'Size', 'Diagnostics', 'Output', 'Median ms', 'Max ms', 'n'], actions.map((a) => [a.measure, kb(a.bytes), thousands(a.diagnostics), thousands(a.actions), ms(a.summary.median), ms(a.summary.max), String(a.summary.n)]), ['l', 'r', 'r', 'r', 'r', 'r', 'r']) + '\n');

  let protocol: Awaited<ReturnType<typeof protocolRuns>> | undefined;
  if (existsSync(SERVER)) {
    protocol = await protocolRuns(docs, [2_000, 10_000], 50_000);
    console.log('## Through the protocol\n\n`node dist/server.js --stdio` and a vscode-languageserver-protocol client. Edits are one character, incremental; their time runs to the publication of that version\'s diagnostics, debounce included. Requests run on the settled version; the last row types `#` on an empty line and asks for completion at once.\n');
    console.log(protocolTable(protocol.timings, protocol.initialize) + '\n');
    console.log(`Server memory with the ${thousands(actualLines(50_000))}-line document open (VmRSS a second after its diagnostics; VmHWM is the peak):\n`);
    console.log(table(['Launch', 'RSS', 'Peak'], protocol.memory.map((m) => [m.launch, mb(m.memory?.rss), mb(m.memory?.peak)]), ['l', 'r', 'r']) + '\n');
  } else {
    console.log(`## Through the protocol\n\nn/a: ${SERVER} does not exist (npm run build).\n`);
  }

  console.log('## Hostile input\n\nThe slow-input suite\'s patterns (test/reliability/helpers/slowInputs.ts) through the engine, best of three runs; growth from one size to four times it (linear: ×4).\n');
  console.log(hostileTable(quick) + '\n');

  console.log('## Repository checks\n\nThe same tables as `npm run bench:repository` (docs/benchmarks.md, "Repository checks").\n');
  console.log(await repositoryReport(quick));

  console.log('## Sizes\n');
  console.log(table(['File', 'Size'], [['dist/extension.js', kb(sizes.extension)], ['dist/server.js', kb(sizes.server)], ['.vsix', vsix.bytes === undefined ? vsix.note : kb(vsix.bytes)]], ['l', 'r']) + '\n');

  const p95 = (lines: number, measure: string): number | undefined => (protocol ? find(protocol.timings, lines, measure)?.p95 : undefined);
  const under = (value: number | undefined, limit: number): boolean | undefined => (value === undefined ? undefined : value <= limit);
  const show = (value: number | undefined, unit = ' ms'): string => (value === undefined ? 'n/a' : `${ms(value)}${unit}`);
  const ratio10k = median(10_000, 'ArchDoc check') / median(10_000, 'markdown-it parse');
  const lintSpeedup = median(10_000, 'markdownlint default') / median(10_000, 'ArchDoc check');
  const worst = (measure: string): number | undefined => {
    const values = [2_000, 10_000].map((l) => p95(l, measure)).filter((v): v is number => v !== undefined);
    return values.length ? Math.max(...values) : undefined;
  };
  const targets: Target[] = [
    { what: 'check ≤ 1.5× markdown-it parse at 10k lines (aim ≤ 1.0×)', value: `${ratio10k.toFixed(2)}×`, met: ratio10k <= 1.5 },
    { what: 'check ≥ 8× faster than markdownlint default at 10k', value: `${lintSpeedup.toFixed(1)}×`, met: lintSpeedup >= 8 },
    { what: 'growth 10k → 50k ≈ ×5 (linear)', value: `×${growth.toFixed(2)}`, met: growth <= 6.5 },
    { what: 'didChange → diagnostics p95 ≤ 30 ms at 2k', value: show(p95(2_000, 'didChange → publishDiagnostics')), met: under(p95(2_000, 'didChange → publishDiagnostics'), 30) },
    { what: 'didChange → diagnostics p95 ≤ 150 ms at 10k', value: show(p95(10_000, 'didChange → publishDiagnostics')), met: under(p95(10_000, 'didChange → publishDiagnostics'), 150) },
    { what: 'completion p95 ≤ 15 ms (2k and 10k)', value: show(worst('completion')), met: under(worst('completion'), 15) },
    { what: 'hover p95 ≤ 15 ms (2k and 10k)', value: show(worst('hover')), met: under(worst('hover'), 15) },
    { what: 'documentSymbol p95 ≤ 30 ms at 10k', value: show(p95(10_000, 'documentSymbol')), met: under(p95(10_000, 'documentSymbol'), 30) },
    { what: 'codeAction p95 ≤ 30 ms at 10k', value: show(p95(10_000, 'codeAction')), met: under(p95(10_000, 'codeAction'), 30) },
    ...actions.slice(0, 2).map((a) => ({ what: `${a.measure} ≤ 1 s`, value: show(a.summary.max), met: a.summary.max <= 1000 })),
    { what: 'start → initialize ≤ 200 ms (median)', value: show(protocol?.initialize.median), met: under(protocol?.initialize.median, 200) },
    ...(protocol?.memory ?? []).map((m) => ({
      what: `server RSS ≤ 120 MB with 50k lines, ${m.launch}`,
      value: mb(m.memory?.rss),
      met: m.memory === undefined ? undefined : m.memory.rss <= 120 * 2 ** 20,
    })),
    { what: 'dist/extension.js ≤ 500 KB', value: kb(sizes.extension), met: sizes.extension === undefined ? undefined : sizes.extension <= 500 * 1024 },
    { what: 'dist/server.js ≤ 400 KB', value: kb(sizes.server), met: sizes.server === undefined ? undefined : sizes.server <= 400 * 1024 },
    { what: '.vsix ≤ 1 MB', value: vsix.bytes === undefined ? vsix.note : kb(vsix.bytes), met: vsix.bytes === undefined ? undefined : vsix.bytes <= 1024 * 1024 },
  ];
  console.log('## Targets (issue 6)\n');
  console.log(targetTable(targets) + '\n');
  if (web) {
    console.log('## The browser build\n\nThe web bundles as shipped and gzipped; the Web Worker server started in a realm with a worker\'s globals (test/protocol/worker.ts); in VS Code for the Web offline (the web suite\'s harness, a fresh workbench per round), from asking for ArchDoc\'s activation to the first diagnostics of a document.\n');
    console.log((await webFigures({ rounds: webRounds })) + '\n');
  }
  console.log(`Benchmark took ${((performance.now() - began) / 1000).toFixed(0)} s; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(', ')}.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
