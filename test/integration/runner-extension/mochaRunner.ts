/**
 * Runs the bundled `*.test.js` files with mocha and collects the outcome as plain data.
 * Test files are required after mocha's `pre-require` event so that `describe` and `it`
 * exist as globals, exactly as the mocha CLI would provide them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { SuiteResults, TestResult } from '../harness/results';

export interface SuiteOptions {
  /** Stems of the test files to load (`diagnostics` for `diagnostics.test.js`); all when absent. */
  readonly only?: readonly string[];
  readonly grep?: string;
}

export async function runSuite(suiteDir: string, options: SuiteOptions): Promise<SuiteResults> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: SilentReporter });
  if (options.grep) mocha.grep(options.grep);
  const files = testFiles(suiteDir, options.only);
  if (files.length === 0) throw new Error(`no test files in ${suiteDir} for ${options.only?.join(',') ?? 'all'}`);
  for (const file of files) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    // The test files are CommonJS bundles found at run time, so only require can load them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mocha.suite.emit('require', require(file), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }
  const tests: TestResult[] = [];
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => tests.push(result(test, 'passed')));
    runner.on('pending', (test) => tests.push(result(test, 'pending')));
    runner.on('fail', (test, error: unknown) => tests.push(result(test, 'failed', error)));
  });
  return {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    durationMs: Date.now() - started,
    tests,
  };
}

function testFiles(dir: string, only: readonly string[] | undefined): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => !only || only.includes(name.slice(0, -'.test.js'.length)))
    .sort()
    .map((name) => path.join(dir, name));
}

function result(test: Mocha.Runnable, state: TestResult['state'], error?: unknown): TestResult {
  return {
    titles: test.titlePath(),
    state,
    durationMs: test.duration ?? 0,
    ...(error === undefined ? {} : { error: describeError(error) }),
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const diff =
    'actual' in error && 'expected' in error
      ? `\nexpected: ${JSON.stringify(error.expected)}\nactual:   ${JSON.stringify(error.actual)}`
      : '';
  return `${error.stack ?? error.message}${diff}`;
}

// The results travel as data; the extension host has no console worth writing to.
class SilentReporter extends Mocha.reporters.Base {}
