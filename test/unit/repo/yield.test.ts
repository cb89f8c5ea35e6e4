/** The scan's yield where there is no setImmediate (a browser's worker): it still lets other work run, and never hangs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yieldToLoop } from '../../../server/src/repo/yieldToLoop.ts';

test('without setImmediate the scan still yields, and lets a pending timer run in between', async () => {
  const saved = globalThis.setImmediate;
  // Removed for this test only, as a worker has none.
  (globalThis as { setImmediate?: unknown }).setImmediate = undefined;
  try {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    let rounds = 0;
    while (!timerRan && rounds < 10_000) {
      await yieldToLoop();
      rounds++;
    }
    assert.ok(timerRan, 'the timer ran while the loop yielded');
  } finally {
    globalThis.setImmediate = saved;
  }
});
