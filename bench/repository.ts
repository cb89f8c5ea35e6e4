/**
 * `npm run bench:repository`: the repository checks' costs, in process. Repositories of 1,000
 * and 10,000 files are generated in a temporary folder; for each, the first full scan, the
 * longest the event loop waited during it (the scan must never block a server), and a
 * re-check after one file changes (update the scan, rebuild the facts, check the document).
 * Then the keystroke path at 2,000 lines: a check against cached facts next to a check without
 * them and markdown-it's parse of the same text. Prints markdown tables.
 *
 * `npm run bench` prints the same tables (`repositoryReport`).
 *
 * Options: `--quick` runs fewer rounds, for checking the benchmark itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { createLanguageService, type DriftFacts } from '../server/src/core/index.ts';
import { nodeFileAccess } from '../server/src/repo/nodeFileAccess.ts';
import { RepositoryScan } from '../server/src/repo/scan.ts';
import { generateDocument } from './generate.ts';
import { loadSchema } from './inProcess.ts';
import { ms, summarize, table, thousands, type Summary } from './stats.ts';

const engine = createLanguageService();
const schema = loadSchema();

/** How generated code reads a variable, in pieces so that this file doesn't read like such code. */
const READ = `${'process'}.env.`;

/** A repository of `files` files: 20 per folder, two folder levels, every tenth file reading a variable. */
function generateRepository(files: number): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'archdoc-bench-repo-')), 'repo');
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'repo', dependencies: { express: '^4.18.2' }, devDependencies: { typescript: '^5.9.3' } }));
  writeFileSync(path.join(root, '.gitignore'), 'dist/\n');
  for (let i = 0; i < files; i++) {
    const dir = path.join(root, 'src', `area${Math.floor(i / 400)}`, `module${Math.floor(i / 20)}`);
    mkdirSync(dir, { recursive: true });
    const reads = i % 10 === 0 ? `export const v = ${READ}VAR_${i % 50};\n` : '';
    writeFileSync(path.join(dir, `file${i}.ts`), `${reads}export function f${i}(x: number): number {\n  return x + ${i};\n}\n`);
  }
  return root;
}

/** A generated document of `lines` lines: its tree, environment table and libraries meet the generated repository. */
function documentWithDrift(lines: number): string {
  return generateDocument({ lines });
}

/** Runs `fn` while a 1 ms timer ticks, and reports the longest gap between ticks. */
async function withLoopWatch<T>(fn: () => Promise<T>): Promise<{ value: T; longestGap: number }> {
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 1);
  try {
    const value = await fn();
    return { value, longestGap: Math.max(longestGap, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

interface ScanRow {
  readonly files: number;
  readonly scan: Summary;
  readonly gap: Summary;
  readonly recheck: Summary;
  readonly envReads: number;
}

async function measureRepository(files: number, doc: string, quick: boolean): Promise<ScanRow> {
  const root = generateRepository(files);
  const uri = pathToFileURL(root).href;
  const rounds = quick ? 2 : files >= 10_000 ? 5 : 10;
  const scans: number[] = [];
  const gaps: number[] = [];
  let scan: RepositoryScan | undefined;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const watched = await withLoopWatch(() => RepositoryScan.scan(uri, nodeFileAccess()));
    scans.push(performance.now() - start);
    gaps.push(watched.longestGap);
    scan = watched.value;
  }
  const current = scan as RepositoryScan;
  const changed = 'src/area0/module0/file1.ts';
  const rechecks: number[] = [];
  for (let i = 0; i < (quick ? 5 : 30); i++) {
    writeFileSync(path.join(root, changed), `export const v = ${READ}CHANGED_${i};\n`);
    const start = performance.now();
    await current.update([changed]);
    const facts: DriftFacts = { repository: current.facts(), document: { path: 'ARCHITECTURE.md', lastCommit: '2026-01-01' } };
    engine.check(engine.analyze(doc, schema), {}, facts);
    rechecks.push(performance.now() - start);
  }
  const envReads = current.facts().envReads.size;
  rmSync(path.dirname(root), { recursive: true, force: true });
  return { files, scan: summarize(scans), gap: summarize(gaps), recheck: summarize(rechecks), envReads };
}

function keystroke(doc: string, facts: DriftFacts, quick: boolean): Record<string, Summary> {
  const md = new MarkdownIt();
  const runs: Record<string, () => unknown> = {
    'markdown-it parse': () => md.parse(doc, {}),
    'ArchDoc check, no repository facts': () => engine.check(engine.analyze(doc, schema), {}),
    'ArchDoc check, cached repository facts': () => engine.check(engine.analyze(doc, schema), {}, facts),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  const rounds = quick ? 10 : 60;
  for (let i = 0; i < rounds + 5; i++) {
    for (const [name, run] of Object.entries(runs)) {
      const start = performance.now();
      run();
      if (i >= 5) samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
}

/** The repository checks' tables, as markdown: the scans at 1,000 and 10,000 files, and the keystroke at 2,000 lines. */
export async function repositoryReport(quick: boolean): Promise<string> {
  const out: string[] = [];
  const doc = documentWithDrift(2000);
  const rows: ScanRow[] = [];
  for (const files of [1_000, 10_000]) rows.push(await measureRepository(files, doc, quick));
  out.push('### Repository scan\n\n');
  out.push(
    table(
      ['Files', 'First scan p50 ms', 'min', 'max', 'Longest event-loop wait ms', 'One-file change → re-check p50 ms', 'p95', 'Variables found'],
      rows.map((r) => [thousands(r.files), ms(r.scan.median), ms(r.scan.min), ms(r.scan.max), ms(r.gap.max), ms(r.recheck.median), ms(r.recheck.p95), String(r.envReads)]),
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  const [small, large] = rows;
  out.push(`\nGrowth from 1,000 to 10,000 files: first scan ×${(large.scan.median / small.scan.median).toFixed(1)}, one-file re-check ×${(large.recheck.median / small.recheck.median).toFixed(1)}.\n\n`);
  const root = generateRepository(1_000);
  const facts: DriftFacts = { repository: (await RepositoryScan.scan(pathToFileURL(root).href, nodeFileAccess())).facts(), document: { path: 'ARCHITECTURE.md', lastCommit: '2026-01-01' } };
  rmSync(path.dirname(root), { recursive: true, force: true });
  const found = engine.check(engine.analyze(doc, schema), {}, facts).length;
  out.push(`### Keystroke with repository checks (${thousands(doc.split('\n').length)} lines, ${found} findings)\n\n`);
  const k = keystroke(doc, facts, quick);
  out.push(
    table(
      ['Measure', 'p50 ms', 'p95 ms', 'min', 'max', 'n'],
      Object.entries(k).map(([name, s]) => [name, ms(s.median), ms(s.p95), ms(s.min), ms(s.max), String(s.n)]),
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
    '\n',
  );
  return out.join('');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  repositoryReport(process.argv.includes('--quick')).then(
    (report) => process.stdout.write(report),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
