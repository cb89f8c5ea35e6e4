/**
 * A tiny extension that runs the integration suite inside a real extension host.
 *
 * code-server ignores `--extensionTestsPath`, so in the offline setup this extension is
 * installed next to the extension under test, activates on startup and, when
 * ARCHDOC_TEST_RESULTS names a file, runs mocha there and writes the results to it. The same
 * bundle exports `run()` for `@vscode/test-electron`, which calls it as its tests entry point.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runSuite } from './mochaRunner';
import type { SuiteResults } from '../harness/results';

const suiteDir = path.join(__dirname, 'suite');

export function activate(context: vscode.ExtensionContext): void {
  // Each extension's logs (its output channels among them) sit beside this one's: tests read ArchDoc's there.
  process.env.ARCHDOC_TEST_EXTENSION_LOGS = path.dirname(context.logUri.fsPath);
  const resultsFile = process.env.ARCHDOC_TEST_RESULTS;
  // Only the integration runner sets the variable; anywhere else this extension is inert.
  if (!resultsFile) return;
  runAndWrite(resultsFile).catch((error: unknown) => {
    writeResults(resultsFile, emptyResults(error));
  });
}

export function deactivate(): void {}

/** The entry point `@vscode/test-electron` calls; rejects when a test fails. */
export async function run(): Promise<void> {
  const resultsFile = process.env.ARCHDOC_TEST_RESULTS;
  const results = resultsFile ? await runAndWrite(resultsFile) : await runSuite(suiteDir, suiteOptions());
  if (results.failed > 0 || results.error) {
    throw new Error(`${results.failed} integration test(s) failed${results.error ? `: ${results.error}` : ''}`);
  }
}

async function runAndWrite(resultsFile: string): Promise<SuiteResults> {
  const results = await runSuite(suiteDir, suiteOptions());
  writeResults(resultsFile, results);
  return results;
}

function suiteOptions() {
  return {
    only: process.env.ARCHDOC_TEST_SUITES?.split(',').filter(Boolean),
    grep: process.env.ARCHDOC_TEST_GREP || undefined,
  };
}

// Written to a temporary name and renamed, so the runner never reads half a file.
function writeResults(file: string, results: SuiteResults): void {
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2));
  fs.renameSync(partial, file);
}

function emptyResults(error: unknown): SuiteResults {
  return {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    passed: 0,
    failed: 0,
    pending: 0,
    durationMs: 0,
    tests: [],
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}
