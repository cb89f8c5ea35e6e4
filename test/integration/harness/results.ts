/**
 * The results file the test-runner extension writes inside VS Code and the runner reads
 * outside it. One shape for both sides, so neither parses the other's console output.
 */

export interface TestResult {
  /** Suite titles and the test title, outermost first. */
  readonly titles: readonly string[];
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number;
  /** Message and stack of a failure. */
  readonly error?: string;
}

export interface SuiteResults {
  readonly vscodeVersion: string;
  readonly appName: string;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly durationMs: number;
  readonly tests: readonly TestResult[];
  /** Set when the suite could not be loaded or run at all. */
  readonly error?: string;
}

/** Formats results the way mocha's spec reporter would, ending with a `N passed, N failed` line. */
export function formatResults(results: SuiteResults): string {
  const lines = [`VS Code ${results.vscodeVersion} (${results.appName})`];
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? '✔' : test.state === 'failed' ? '✘' : '-';
    const time = test.state === 'pending' ? '' : ` (${test.durationMs} ms)`;
    lines.push(`  ${mark} ${test.titles.join(' › ')}${time}`);
    if (test.error) lines.push(indent(test.error, 6));
  }
  if (results.error) lines.push(`Suite error:\n${indent(results.error, 2)}`);
  const failed = results.failed + (results.error ? 1 : 0);
  lines.push(`${results.passed} passed, ${failed} failed, ${results.pending} skipped`);
  return lines.join('\n');
}

function indent(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}
