/**
 * Runs fast-check properties with a fixed seed, so that every CI run checks the same cases and
 * a failure can be replayed. `ARCHDOC_FC_SEED` picks another seed; `ARCHDOC_FC_SCALE` multiplies
 * the number of cases (for a longer local run). fast-check's failure report names the seed
 * and the shrunk counterexample; the message added here says how to replay it.
 */
import fc from 'fast-check';

export const SEED = Number(process.env.ARCHDOC_FC_SEED ?? 20250601);
const SCALE = Number(process.env.ARCHDOC_FC_SCALE ?? 1);

export function runs(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}

/** Asserts `property` over `numRuns` cases drawn with the fixed seed. */
export function check<T>(property: fc.IProperty<T>, numRuns: number): void {
  try {
    fc.assert(property, { seed: SEED, numRuns: runs(numRuns), endOnFailure: false, includeErrorInReport: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Property failed with seed ${SEED} (replay: ARCHDOC_FC_SEED=${SEED}).\n${message}`, { cause: error });
  }
}

/** Asserts an async property, as `check` does. */
export async function checkAsync<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { seed: SEED, numRuns: runs(numRuns), endOnFailure: false, includeErrorInReport: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Property failed with seed ${SEED} (replay: ARCHDOC_FC_SEED=${SEED}).\n${message}`, { cause: error });
  }
}
