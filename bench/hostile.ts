/**
 * Hostile input in the benchmark: each pattern of the slow-input suite (test/reliability), at
 * the suite's 4n size and at 16n, through the engine, next to markdown-it's parse (default
 * preset, inline phase included: the floor the other tables use) of the same text, and
 * markdownlint with its default rules at 4n, run in a child process stopped after 20 s (on
 * some of these lines it is quadratic). The best of three runs is shown, with the growth from
 * 4n to 16n (linear: ×4). The README's Limits table quotes these rows.
 */
import { spawnSync } from 'node:child_process';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { createLanguageService } from '../server/src/core/index.ts';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SLOW_INPUTS, type SlowInput } from '../test/reliability/helpers/slowInputs.ts';
import { kb, ms, table } from './stats.ts';

const BUNDLED = path.join(__dirname, '..', 'server', 'templates', 'ARCHITECTURE.md');

function bestOf(runs: number, input: SlowInput, text: string): number {
  const bundled = createLanguageService().compileTemplate(readFileSync(BUNDLED, 'utf8')).schema;
  if (!bundled) throw new Error('the bundled template does not compile');
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const engine = createLanguageService();
    const start = performance.now();
    if (input.kind === 'template') {
      const compiled = engine.compileTemplate(text);
      if (compiled.schema) engine.check(engine.analyze('# Architecture\n', compiled.schema));
    } else {
      engine.check(engine.analyze(text, bundled));
    }
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const LINT_LIMIT_MS = 20_000;

function parseTime(runs: number, text: string): number {
  const md = new MarkdownIt();
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    md.parse(text, {});
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** markdownlint's default rules on the pattern at size n, in a child process with a time limit. */
function lintTime(input: SlowInput, n: number): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--lint', input.name, String(n)], { encoding: 'utf8', timeout: LINT_LIMIT_MS });
  const measured = /^lint (\S+)$/m.exec(r.stdout ?? '')?.[1];
  return measured === undefined ? `over ${LINT_LIMIT_MS / 1000} s` : `${ms(Number(measured))} ms`;
}

/** The markdown table of hostile patterns. */
export function hostileTable(quick: boolean): string {
  const runs = quick ? 1 : 3;
  const rows = SLOW_INPUTS.map((input) => {
    const small = input.build(4 * input.n);
    const large = input.build(16 * input.n);
    const a = bestOf(runs, input, small);
    const b = bestOf(runs, input, large);
    return [
      input.name,
      input.kind,
      kb(small.length),
      `${ms(a)} ms`,
      `${ms(parseTime(runs, small))} ms`,
      lintTime(input, 4 * input.n),
      kb(large.length),
      `${ms(b)} ms`,
      `${ms(parseTime(runs, large))} ms`,
      `×${(b / Math.max(a, 0.01)).toFixed(1)}`,
    ];
  });
  return table(
    ['Pattern', 'Into', 'Size', 'ArchDoc', 'markdown-it parse', 'markdownlint default', '4× size', 'ArchDoc', 'markdown-it parse', 'ArchDoc growth'],
    rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

if (require.main === module) {
  const at = process.argv.indexOf('--lint');
  if (at >= 0) {
    const input = SLOW_INPUTS.find((i) => i.name === process.argv[at + 1]);
    if (!input) throw new Error(`no pattern named ${process.argv[at + 1]}`);
    const text = input.build(Number(process.argv[at + 2]));
    const start = performance.now();
    lint({ strings: { doc: text } });
    console.log(`lint ${performance.now() - start}`);
  } else {
    console.log(hostileTable(process.argv.includes('--quick')));
  }
}
