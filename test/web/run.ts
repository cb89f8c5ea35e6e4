/**
 * Runs the web suites in VS Code for the Web, offline, and exits non-zero when a test fails:
 * suite/ in a trusted workspace, then untrusted/ in a second workbench whose workspace is in
 * Restricted Mode (harness/untrusted.ts). See harness/session.ts for how, and
 * .ci/vscode-web.sh for what it installs.
 *
 * Environment: ARCHDOC_TEST_SUITES (comma-separated test file stems), ARCHDOC_TEST_GREP,
 * ARCHDOC_TEST_TIMEOUT (seconds, default 300), ARCHDOC_TEST_VSIX (a packaged `.vsix` to
 * test), ARCHDOC_TEST_KEEP=1 to keep the temp folder, ARCHDOC_TEST_SERVER_LOG=1 to print the
 * web server's requests, ARCHDOC_TEST_VERBOSE=1 to print the workbench's log as it runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatResults, type SuiteResults } from '../integration/harness/results';
import { prepareExtension, runSession } from './harness/session';
import { ensureVscodeWeb } from './harness/vscodeWeb';

const timeoutMs = Number(process.env.ARCHDOC_TEST_TIMEOUT ?? 300) * 1000;
const verbose = process.env.ARCHDOC_TEST_VERBOSE === '1';

async function main(): Promise<number> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-web-'));
  try {
    const cache = step('VS Code for the Web is ready', () => ensureVscodeWeb());
    const extensionDir = step('packaged and unpacked the extension under test', () => prepareExtension(workDir));
    const only = process.env.ARCHDOC_TEST_SUITES?.split(',').filter(Boolean);
    const run = async (suite: string, options: { fixture?: string; untrusted?: boolean }) => {
      const suiteDir = path.join(__dirname, suite);
      if (!hasTests(suiteDir, only)) return undefined;
      const started = Date.now();
      const outcome = await runSession({
        cache,
        workDir,
        extensionDir,
        suiteDir,
        only,
        grep: process.env.ARCHDOC_TEST_GREP || undefined,
        timeoutMs,
        onLine: verbose ? (line) => log(`workbench: ${line}`) : undefined,
        log,
        ...options,
      });
      log(`the ${suite} suite finished (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return outcome;
    };
    const trusted = await run('suite', {});
    // A second workbench, for what only a workspace in Restricted Mode shows.
    const restricted = await run('untrusted', { fixture: 'untrusted', untrusted: true });
    const results = combine([trusted?.results, restricted?.results]);
    console.log(formatResults(results));
    return results.failed > 0 || results.error ? 1 : 0;
  } finally {
    if (process.env.ARCHDOC_TEST_KEEP === '1') log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function hasTests(suiteDir: string, only: readonly string[] | undefined): boolean {
  return fs.readdirSync(suiteDir).some((name) => name.endsWith('.test.ts') && (!only || only.includes(name.slice(0, -'.test.ts'.length))));
}

/** The results of several workbench sessions as one run's. */
function combine(sessions: readonly (SuiteResults | undefined)[]): SuiteResults {
  const ran = sessions.filter((s): s is SuiteResults => s !== undefined);
  if (ran.length === 0) throw new Error(`no web test file matches ARCHDOC_TEST_SUITES=${process.env.ARCHDOC_TEST_SUITES}`);
  const errors = ran.map((s) => s.error).filter((e) => e !== undefined);
  return {
    vscodeVersion: ran[0].vscodeVersion,
    appName: ran[0].appName,
    passed: ran.reduce((n, s) => n + s.passed, 0),
    failed: ran.reduce((n, s) => n + s.failed, 0),
    pending: ran.reduce((n, s) => n + s.pending, 0),
    durationMs: ran.reduce((n, s) => n + s.durationMs, 0),
    tests: ran.flatMap((s) => s.tests),
    ...(errors.length ? { error: errors.join('\n') } : {}),
  };
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
