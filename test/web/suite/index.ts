/**
 * The web suite's entry point, loaded by VS Code for the Web as `extensionTestsPath`: runs
 * mocha's browser build in the web extension host and reports the outcome as one console
 * line (`archdoc-web-results <json>`), which the runner outside the browser reads. The
 * workbench ends the run with the exit code that follows from `run()` settling.
 */
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import type { SuiteResults, TestResult } from '../../integration/harness/results';
import { RESULTS_PREFIX } from './protocol';

/** A test file, loaded once mocha's globals exist. */
export interface SuiteFile {
  readonly name: string;
  readonly load: () => void;
}

/** The `run()` the workbench calls, over the test files the bundle holds. */
export function createRun(files: readonly SuiteFile[], grep: string): () => Promise<void> {
  return async () => {
    const results = await runSuite(files, grep);
    console.log(`${RESULTS_PREFIX}${JSON.stringify(results)}`);
    if (results.failed > 0 || results.error) throw new Error(`${results.failed} web test(s) failed${results.error ? `: ${results.error}` : ''}`);
  };
}

async function runSuite(files: readonly SuiteFile[], grep: string): Promise<SuiteResults> {
  const tests: TestResult[] = [];
  const started = Date.now();
  try {
    mocha.setup({ ui: 'bdd', timeout: 60_000, reporter: SilentReporter as unknown as Mocha.ReporterConstructor });
    if (grep) mocha.grep(grep);
    for (const file of files) file.load();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => tests.push(result(test, 'passed')));
      runner.on('pending', (test) => tests.push(result(test, 'pending')));
      runner.on('fail', (test, error: unknown) => tests.push(result(test, 'failed', error)));
    });
    return summary(tests, started);
  } catch (error) {
    return { ...summary(tests, started), error: describeError(error) };
  }
}

function summary(tests: TestResult[], started: number): SuiteResults {
  return {
    vscodeVersion: vscode.version,
    appName: `${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}`,
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    durationMs: Date.now() - started,
    tests,
  };
}

function result(test: Mocha.Runnable, state: TestResult['state'], error?: unknown): TestResult {
  return { titles: test.titlePath(), state, durationMs: test.duration ?? 0, ...(error === undefined ? {} : { error: describeError(error) }) };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const diff = 'actual' in error && 'expected' in error ? `\nexpected: ${JSON.stringify(error.expected)}\nactual:   ${JSON.stringify(error.actual)}` : '';
  return `${error.stack ?? error.message}${diff}`;
}

// The results travel as one line of data; mocha's own reporters would write to the page.
class SilentReporter extends Mocha.reporters.Base {}
