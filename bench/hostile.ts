/**
 * Hostile input in the benchmark: each pattern of the slow-input suite (test/reliability), at
 * the suite's 4n size and at 16n, through the engine. The best of three runs is shown, with
 * the growth from 4n to 16n (linear: ×4). The README's Limits table quotes these rows.
 */
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

/** The markdown table of hostile patterns. */
export function hostileTable(quick: boolean): string {
  const runs = quick ? 1 : 3;
  const rows = SLOW_INPUTS.map((input) => {
    const small = input.build(4 * input.n);
    const large = input.build(16 * input.n);
    const a = bestOf(runs, input, small);
    const b = bestOf(runs, input, large);
    return [input.name, input.kind, kb(small.length), `${ms(a)} ms`, kb(large.length), `${ms(b)} ms`, `×${(b / Math.max(a, 0.01)).toFixed(1)}`];
  });
  return table(['Pattern', 'Into', 'Size', 'Time', '4× size', 'Time', 'Growth'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r']);
}

if (require.main === module) console.log(hostileTable(process.argv.includes('--quick')));
