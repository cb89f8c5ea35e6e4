/**
 * Growth on hostile input: each pattern that once made the engine or the CLI superlinear is
 * timed at a size n and at 4n, and must grow no faster than t(4n) ≤ 6·t(n) + 0.3 s (linear
 * growth gives 4×): through the engine at the suite's sizes, and through `archdoc check` as a
 * process from 256 KB to 1 MB of text (960 KB for templates, whose limit is 1,000,000
 * characters; a template of more than 10,000 headings is refused at once, which is timed too).
 * The server's cases are in slowServer.test.ts. Measured times are printed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/core/index.ts';
import { bundledSchema, ROOT } from '../helpers/core.ts';
import { assertLinear, best } from './helpers/growth.ts';
import { SLOW_INPUTS, sizeFor, type SlowInput } from './helpers/slowInputs.ts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
/** The CLI's sizes, in characters of text: 256 KB, then 1 MB (templates stay under their limit). */
const CLI_CHARS = { document: 256 * 1024, template: 240_000 } as const;

/** Runs the input through a fresh engine, so that no compiled template is reused. */
function runCore(input: SlowInput, text: string): void {
  const engine = createLanguageService();
  if (input.kind === 'template') {
    const compiled = engine.compileTemplate(text);
    if (compiled.schema) engine.check(engine.analyze('# Architecture\n', compiled.schema));
  } else {
    engine.check(engine.analyze(text, bundledSchema()));
  }
}

describe('the core grows linearly on every hostile pattern', () => {
  for (const input of SLOW_INPUTS) {
    it(input.name, async (t) => {
      await assertLinear(t, input.name, input.n, (n) => {
        const text = input.build(n);
        return best(3, () => runCore(input, text));
      });
    });
  }
});

describe('the CLI grows linearly on every hostile pattern, from 256 KB to 1 MB', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-slow-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const doc = path.join(dir, 'plain.md');
  writeFileSync(doc, '# Architecture\n');
  for (const input of SLOW_INPUTS) {
    it(input.name, async (t) => {
      await assertLinear(t, input.name, sizeFor(input, CLI_CHARS[input.kind]), (n) => {
        const file = path.join(dir, `${input.kind}-${n}.md`);
        writeFileSync(file, input.build(n));
        const args = input.kind === 'template' ? ['check', '--template', file, doc] : ['check', file];
        return best(2, () => {
          const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
          // A template past the size or heading limit is refused at once, with its message: also bounded.
          const refused = input.kind === 'template' && r.status === 2 && /too many headings|too large/.test(r.stderr);
          assert.ok(r.status === 0 || r.status === 1 || refused, `${input.name}: exit ${r.status}: ${r.stderr.slice(0, 300)}`);
        });
      });
    });
  }
});
