/**
 * Runs the integration suite in a real VS Code and exits non-zero when a test fails.
 *
 * By default that VS Code is code-server, built offline by .ci/code-server.sh, driven by
 * Chromium: the extension under test and the test-runner extension are installed into a
 * throwaway profile, the workbench opens a copy of the fixture workspace, and the runner
 * extension writes the suite's results to a file this script waits for. When
 * VSCODE_EXECUTABLE_PATH names a desktop VS Code, `@vscode/test-electron` runs the same
 * suite there instead.
 *
 * Environment: ARCHDOC_TEST_SUITES (comma-separated test file stems), ARCHDOC_TEST_GREP,
 * ARCHDOC_TEST_TIMEOUT (seconds, default 300), ARCHDOC_TEST_KEEP=1 to keep the temp folder,
 * ARCHDOC_TEST_STAND_IN=1 to test the harness against a stand-in extension.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { runTests } from '@vscode/test-electron';
import { buildExtensionUnderTest, buildRunnerExtension, type BuiltExtension } from './harness/build';
import { createProfile, ensureCodeServer, folderUrl, installExtension, startCodeServer } from './harness/codeServer';
import { openWorkbench } from './harness/browser';
import { formatResults, type SuiteResults } from './harness/results';
import { waitForFile } from './harness/waitForFile';

const fixtureWorkspace = path.join(__dirname, 'fixtures', 'workspace');
const timeoutMs = Number(process.env.ARCHDOC_TEST_TIMEOUT ?? 300) * 1000;

async function main(): Promise<number> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-it-'));
  try {
    const extension = step('packaged the extension under test', () => buildExtensionUnderTest(workDir));
    const runner = await stepAsync('bundled the suite into the test-runner extension', () => buildRunnerExtension(workDir));
    if (!extension.real) {
      log('warning: testing a stand-in, not ArchDoc: only the harness checks run');
    }
    const workspace = path.join(workDir, 'workspace');
    fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
    const env = suiteEnv(extension, path.join(workDir, 'results.json'));
    const results = process.env.VSCODE_EXECUTABLE_PATH
      ? await runInElectron(process.env.VSCODE_EXECUTABLE_PATH, workDir, workspace, extension, runner.dir, env)
      : await runInCodeServer(workDir, workspace, [extension.vsix, runner.vsix], env);
    console.log(formatResults(results));
    return results.failed > 0 || results.error ? 1 : 0;
  } finally {
    if (process.env.ARCHDOC_TEST_KEEP === '1') log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function suiteEnv(extension: BuiltExtension, resultsFile: string): Record<string, string> {
  const env: Record<string, string> = { ARCHDOC_TEST_RESULTS: resultsFile, ARCHDOC_TEST_EXTENSION_ID: extension.id };
  // The stand-in can only prove the harness; the feature suites need ArchDoc itself.
  const suites = extension.real ? process.env.ARCHDOC_TEST_SUITES : 'mechanism';
  if (suites) env.ARCHDOC_TEST_SUITES = suites;
  if (process.env.ARCHDOC_TEST_GREP) env.ARCHDOC_TEST_GREP = process.env.ARCHDOC_TEST_GREP;
  return env;
}

async function runInCodeServer(
  workDir: string,
  workspace: string,
  vsixes: readonly string[],
  env: Record<string, string>,
): Promise<SuiteResults> {
  const bin = step('code-server is ready', () => ensureCodeServer());
  const profile = createProfile(workDir);
  step('installed the extensions', () => vsixes.forEach((vsix) => installExtension(bin, profile, vsix)));
  const server = await stepAsync('code-server is listening', () => startCodeServer(bin, profile, env));
  let workbench: Awaited<ReturnType<typeof openWorkbench>> | undefined;
  const stopAll = () => Promise.all([workbench?.close(), server.stop()]);
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    workbench = await stepAsync('the workbench is open', () => openWorkbench(folderUrl(server, workspace)));
    answerConfirmations(workbench.page);
    const serverStopped = server.exited.then((how) => {
      throw new Error(`code-server stopped during the run (${how})`);
    });
    const text = await stepAsync('the suite finished', () =>
      Promise.race([waitForFile(env.ARCHDOC_TEST_RESULTS, timeoutMs), serverStopped]),
    );
    return JSON.parse(text) as SuiteResults;
  } catch (error) {
    log(`code-server output:\n${server.output()}`);
    if (workbench?.pageErrors.length) log(`workbench errors:\n${workbench.pageErrors.join('\n')}`);
    for (const file of extensionHostLogs(profile.userDataDir)) log(`${file}, last lines:\n${tail(file, 40)}`);
    throw error;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await stopAll();
  }
}

async function runInElectron(
  vscodeExecutablePath: string,
  workDir: string,
  workspace: string,
  extension: BuiltExtension,
  runnerDir: string,
  env: Record<string, string>,
): Promise<SuiteResults> {
  const profile = createProfile(workDir);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: extension.dir,
      extensionTestsPath: path.join(runnerDir, 'dist', 'extension.js'),
      extensionTestsEnv: env,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        `--user-data-dir=${profile.userDataDir}`,
        `--extensions-dir=${profile.extensionsDir}`,
      ],
    });
  } catch (error) {
    // A failing suite rejects too; its results file says why, and is reported below.
    if (!fs.existsSync(env.ARCHDOC_TEST_RESULTS)) throw error;
  }
  return JSON.parse(fs.readFileSync(env.ARCHDOC_TEST_RESULTS, 'utf8')) as SuiteResults;
}

/**
 * Plays the user's part in the confirmations the suite triggers: a language-model tool that
 * edits asks first, and outside a chat VS Code asks with a modal dialog. Each such dialog is
 * answered Yes, as a user would; the test then sees the edit, which can only happen after it.
 */
function answerConfirmations(page: Page): void {
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'Apply ArchDoc fixes?' });
  const answer = async (): Promise<void> => {
    for (;;) {
      try {
        await dialog.waitFor({ state: 'visible', timeout: 0 });
      } catch {
        return; // The page was closed: the run is over.
      }
      await dialog.locator('.monaco-button', { hasText: /^(Yes|OK)$/ }).first().click();
      await dialog.waitFor({ state: 'hidden' }).catch(() => undefined);
    }
  };
  void answer();
}

/** The extension host's log and ArchDoc's own, where a failure to load, activate or start is explained. */
function extensionHostLogs(userDataDir: string): string[] {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return [];
  return fs
    .readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((file) => /(remote)?exthost\d*\.log$|archdoc\.archdoc\/.*\.log$/i.test(file))
    .map((file) => path.join(logs, file));
}

function tail(file: string, lines: number): string {
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
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
  process.stderr.write(`integration: ${message}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
