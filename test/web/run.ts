/**
 * Runs the web suite in VS Code for the Web, offline, and exits non-zero when a test fails.
 * See harness/session.ts for how, and .ci/vscode-web.sh for what it installs.
 *
 * Environment: ARCHDOC_TEST_SUITES (comma-separated test file stems), ARCHDOC_TEST_GREP,
 * ARCHDOC_TEST_TIMEOUT (seconds, default 300), ARCHDOC_TEST_VSIX (a packaged `.vsix` to
 * test), ARCHDOC_TEST_KEEP=1 to keep the temp folder, ARCHDOC_TEST_SERVER_LOG=1 to print the
 * web server's requests, ARCHDOC_TEST_VERBOSE=1 to print the workbench's log as it runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatResults, type SuiteResults, type TestResult } from '../integration/harness/results';
import { prepareExtension, runSession } from './harness/session';
import { ensureVscodeWeb } from './harness/vscodeWeb';

const timeoutMs = Number(process.env.ARCHDOC_TEST_TIMEOUT ?? 300) * 1000;
const verbose = process.env.ARCHDOC_TEST_VERBOSE === '1';

async function main(): Promise<number> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-web-'));
  try {
    const cache = step('VS Code for the Web is ready', () => ensureVscodeWeb());
    const extensionDir = step('packaged and unpacked the extension under test', () => prepareExtension(workDir));
    const started = Date.now();
    const { results: suite, notifications } = await runSession({
      cache,
      workDir,
      extensionDir,
      suiteDir: path.join(__dirname, 'suite'),
      only: process.env.ARCHDOC_TEST_SUITES?.split(',').filter(Boolean),
      grep: process.env.ARCHDOC_TEST_GREP || undefined,
      timeoutMs,
      onLine: verbose ? (line) => log(`workbench: ${line}`) : undefined,
      log,
    });
    log(`the suite finished (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const results = withNoticeCheck(suite, notifications);
    console.log(formatResults(results));
    return results.failed > 0 || results.error ? 1 : 0;
  } finally {
    if (process.env.ARCHDOC_TEST_KEEP === '1') log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * What only the page shows: the notice that stale-date is skipped, once. The suite's config
 * test leaves the notification centre open for this; a suite run without it is not judged.
 */
function withNoticeCheck(results: SuiteResults, notifications: string): SuiteResults {
  if (!results.tests.some((t) => t.titles.at(-1)?.includes('notification centre'))) return results;
  const said = notifications.split('\n').filter((line) => line.includes('skips stale-date')).length;
  const passed = said === 1;
  const test: TestResult = {
    titles: ['the workbench in the browser', 'shows once that stale-date is skipped, as git cannot run there'],
    state: passed ? 'passed' : 'failed',
    durationMs: 0,
    ...(passed ? {} : { error: `the notification centre holds ${said} such notices:\n${notifications}` }),
  };
  return { ...results, passed: results.passed + (passed ? 1 : 0), failed: results.failed + (passed ? 0 : 1), tests: [...results.tests, test] };
}

function step<T>(what: string, action: () => T): T {
  const started = Date.now();
  const value = action();
  log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return value;
}

function log(message: string): void {
  process.stderr.write(`web: ${message}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
