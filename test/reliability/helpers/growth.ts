/**
 * The growth check of the slow-input suites: a pattern timed at a size n and at 4n must grow
 * no faster than t(4n) ≤ 6·t(n) + 0.3 s (linear growth gives 4×). The machine is shared and
 * noisy, so each time is the best of a few runs.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';

export const GROWTH = 6;
export const SLACK_MS = 300;

/** The best of `runs` timings of `work`, in milliseconds. */
export async function best(runs: number, work: () => unknown): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** Times `time(n)` and `time(4n)`, prints both, and fails on superlinear growth. */
export async function assertLinear(t: TestContext, what: string, n: number, time: (n: number) => Promise<number>): Promise<void> {
  const small = await time(n);
  const large = await time(4 * n);
  t.diagnostic(`${what}: ${small.toFixed(0)} ms at n = ${n}, ${large.toFixed(0)} ms at 4n (×${(large / Math.max(small, 1)).toFixed(1)})`);
  assert.ok(large <= GROWTH * small + SLACK_MS, `${what}: ${small.toFixed(0)} ms at n, ${large.toFixed(0)} ms at 4n`);
}
