/**
 * Runs the web suite in VS Code for the Web, offline, and exits non-zero when a test fails.
 *
 * The extension under test is the packaged `.vsix` (ARCHDOC_TEST_VSIX, or `npm run
 * package`), unpacked; the suite is bundled into it; `@vscode/test-web` serves it with a
 * copy of the fixture workspace mounted on its in-memory file system (see
 * harness/vscodeWeb.ts); Debian's Chromium, driven by playwright-core, opens the workbench,
 * which runs the suite in the web extension host and reports through the page.
 *
 * Environment: ARCHDOC_TEST_SUITES (comma-separated test file stems), ARCHDOC_TEST_GREP,
 * ARCHDOC_TEST_TIMEOUT (seconds, default 300), ARCHDOC_TEST_KEEP=1 to keep the temp folder,
 * ARCHDOC_TEST_SERVER_LOG=1 to print the web server's requests, ARCHDOC_TEST_VERBOSE=1 to
 * print the workbench's log as it runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildExtensionUnderTest, runChecked } from '../integration/harness/build';
import { openWorkbench, type Workbench } from '../integration/harness/browser';
import { formatResults, type SuiteResults } from '../integration/harness/results';
import { bundleSuite } from './harness/bundle';
import { ensureVscodeWeb, startWebServer, type WebServer } from './harness/vscodeWeb';
import { RESULTS_PREFIX } from './suite/protocol';

const fixtureWorkspace = path.join(__dirname, 'fixtures', 'workspace');
const timeoutMs = Number(process.env.ARCHDOC_TEST_TIMEOUT ?? 300) * 1000;
const verbose = process.env.ARCHDOC_TEST_VERBOSE === '1';

async function main(): Promise<number> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-web-'));
  try {
    const cache = step('VS Code for the Web is ready', () => ensureVscodeWeb());
    const built = step('packaged the extension under test', () => buildExtensionUnderTest(workDir));
    if (!built.real) throw new Error('the web suite needs ArchDoc itself, and `npm run package` is missing');
    const extensionDir = step('unpacked the extension', () => unpack(built.vsix, path.join(workDir, 'vsix')));
    const testsFile = path.join(extensionDir, 'web-test', 'suite.js');
    await stepAsync('bundled the suite', () =>
      bundleSuite(testsFile, { only: process.env.ARCHDOC_TEST_SUITES?.split(',').filter(Boolean), grep: process.env.ARCHDOC_TEST_GREP || undefined }),
    );
    const workspace = path.join(workDir, 'workspace');
    fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
    const server = await stepAsync('the web server is listening', () => startWebServer(cache, { extensionDir, testsFile, workspace }));
    const results = await runInBrowser(server);
    console.log(formatResults(results));
    return results.failed > 0 || results.error ? 1 : 0;
  } finally {
    if (process.env.ARCHDOC_TEST_KEEP === '1') log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** The `extension/` folder of a `.vsix`: exactly the files a user installs. */
function unpack(vsix: string, into: string): string {
  runChecked('unzip', ['-q', '-o', vsix, '-d', into], process.cwd());
  return path.join(into, 'extension');
}

async function runInBrowser(server: WebServer): Promise<SuiteResults> {
  const workbenchLog: string[] = [];
  let results: SuiteResults | undefined;
  let exited: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => (exited = resolve));
  let failed: (error: Error) => void = () => {};
  const cannotRun = new Promise<never>((_, reject) => (failed = reject));
  const record = (line: string) => {
    // The workbench says so, and then waits forever, when the extension has no web entry point.
    if (line.includes('No extension host found that can launch the test runner')) failed(new Error(`the workbench cannot run the suite: ${line}`));
    if (line.startsWith('%c')) return;
    const at = line.indexOf(RESULTS_PREFIX);
    if (at >= 0) results = JSON.parse(line.slice(at + RESULTS_PREFIX.length)) as SuiteResults;
    else {
      workbenchLog.push(line);
      if (verbose) log(`workbench: ${line}`);
    }
  };
  let workbench: Workbench | undefined;
  const stopAll = async () => {
    await workbench?.close();
    server.close();
  };
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    workbench = await stepAsync('the workbench is open', () =>
      openWorkbench(server.url, undefined, async (page) => {
        // The workbench reports the extension host's output and the end of the run through these.
        await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => record(`[${type}] ${args.map(String).join(' ')}`));
        await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
        page.on('console', (message) => record(message.text()));
      }),
    );
    const code = await stepAsync('the suite finished', () => withDeadline(Promise.race([exit, cannotRun]), timeoutMs, 'the web suite to finish'));
    if (results) return results;
    throw new Error(`the workbench exited with ${code} and reported no results`);
  } catch (error) {
    log(`workbench log, last lines:\n${workbenchLog.slice(-60).join('\n')}`);
    if (workbench?.pageErrors.length) log(`page errors:\n${workbench.pageErrors.join('\n')}`);
    throw error;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await stopAll();
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function step<T>(what: string, action: () => T): T {
  const started = Date.now();
  const value = action();
  log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return value;
}

async function stepAsync<T>(what: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const value = await action();
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
