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
import { formatResults } from '../integration/harness/results';
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
    const { results } = await runSession({
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
    console.log(formatResults(results));
    return results.failed > 0 || results.error ? 1 : 0;
  } finally {
    if (process.env.ARCHDOC_TEST_KEEP === '1') log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
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
