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
 * `suite/restricted.test.ts` runs in a second pass, in a workbench with Workspace Trust on that
 * opens `fixtures/restricted/` in Restricted Mode; what only the page shows there (the notice,
 * the status item) is then checked from the page (harness/restrictedPass.ts). The Electron
 * path runs the first pass only.
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
import { checkRestrictedWorkbench, RESTRICTED_SUITE } from './harness/restrictedPass';
import { formatResults, type SuiteResults, type TestResult } from './harness/results';
import { waitForFile } from './harness/waitForFile';

const fixtureWorkspace = path.join(__dirname, 'fixtures', 'workspace');
const restrictedWorkspace = path.join(__dirname, 'fixtures', 'restricted');
const timeoutMs = Number(process.env.ARCHDOC_TEST_TIMEOUT ?? 300) * 1000;

async function main(): Promise<number> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-it-'));
  try {
    const extension = step('packaged the extension under test', () => buildExtensionUnderTest(workDir));
    const runner = await stepAsync('bundled the suite into the test-runner extension', () => buildRunnerExtension(workDir));
    if (!extension.real) {
      log('warning: testing a stand-in, not ArchDoc: only the harness checks run');
    }
    const { main: mainSuites, separate } = passes(extension);
    const passResults: SuiteResults[] = [];
    if (mainSuites.length > 0) {
      const passDir = path.join(workDir, 'main');
      const workspace = path.join(passDir, 'workspace');
      fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
      const env = suiteEnv(mainSuites, path.join(passDir, 'results.json'), extension);
      passResults.push(
        process.env.VSCODE_EXECUTABLE_PATH
          ? await runInElectron(process.env.VSCODE_EXECUTABLE_PATH, passDir, workspace, extension, runner.dir, env)
          : await runInCodeServer(passDir, workspace, [extension.vsix, runner.vsix], env),
      );
    }
    for (const pass of separate) {
      if (process.env.VSCODE_EXECUTABLE_PATH) {
        log(`the ${pass.suite} pass runs in code-server only; skipped`);
        continue;
      }
      log(`the ${pass.suite} pass: ${pass.what}`);
      const passDir = path.join(workDir, pass.suite);
      const workspace = pass.fixture === undefined ? undefined : path.join(passDir, 'workspace');
      if (pass.fixture !== undefined) fs.cpSync(pass.fixture, workspace!, { recursive: true });
      const env: Record<string, string> = { ...suiteEnv([pass.suite], path.join(passDir, 'results.json'), extension), ARCHDOC_TEST_SAVE_DIR: path.join(passDir, 'saved') };
      if (pass.home) env.HOME = path.join(passDir, 'home');
      for (const dir of [env.ARCHDOC_TEST_SAVE_DIR, env.HOME]) if (dir !== undefined) fs.mkdirSync(dir, { recursive: true });
      passResults.push(await runInCodeServer(passDir, workspace, [extension.vsix, runner.vsix], env, pass));
    }
    const results = combine(passResults);
    console.log(formatResults(results));
    return results.failed > 0 || results.error ? 1 : 0;
  } finally {
    if (process.env.ARCHDOC_TEST_KEEP === '1') log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** A test file that runs in a workbench of its own, after the main pass. */
interface SeparatePass extends PassOptions {
  readonly suite: string;
  readonly what: string;
  /** The fixture folder to open; none opens an empty window. */
  readonly fixture?: string;
  /** A home folder of its own (HOME), created empty, for what the extension writes there. */
  readonly home?: boolean;
}

const SEPARATE: readonly SeparatePass[] = [
  { suite: RESTRICTED_SUITE, what: 'Workspace Trust on, the workspace not trusted', fixture: restrictedWorkspace, trust: true, afterSuite: checkRestrictedWorkbench },
  { suite: 'untitled', what: 'no folder open', home: true, watch: (page, env) => answerSaveAs(page, env.ARCHDOC_TEST_SAVE_DIR) },
];

/** The test file stems the main pass runs, and the separate passes, from ARCHDOC_TEST_SUITES (every file when unset). */
function passes(extension: BuiltExtension): { main: string[]; separate: SeparatePass[] } {
  // The stand-in can only prove the harness; the feature suites need ArchDoc itself.
  if (!extension.real) return { main: ['mechanism'], separate: [] };
  const all = fs.readdirSync(path.join(__dirname, 'suite')).filter((name) => name.endsWith('.test.ts')).map((name) => name.slice(0, -'.test.ts'.length));
  const requested = process.env.ARCHDOC_TEST_SUITES?.split(',').filter(Boolean) ?? all;
  const separate = SEPARATE.filter((pass) => requested.includes(pass.suite));
  return { main: requested.filter((stem) => !SEPARATE.some((pass) => pass.suite === stem)), separate };
}

function suiteEnv(suites: readonly string[], resultsFile: string, extension: BuiltExtension): Record<string, string> {
  const env: Record<string, string> = { ARCHDOC_TEST_RESULTS: resultsFile, ARCHDOC_TEST_EXTENSION_ID: extension.id, ARCHDOC_TEST_SUITES: suites.join(',') };
  if (process.env.ARCHDOC_TEST_GREP) env.ARCHDOC_TEST_GREP = process.env.ARCHDOC_TEST_GREP;
  return env;
}

/** The passes' results as one run's. */
function combine(results: readonly SuiteResults[]): SuiteResults {
  const tests = results.flatMap((r) => r.tests);
  const errors = results.map((r) => r.error).filter((e): e is string => e !== undefined);
  return {
    vscodeVersion: results[0]?.vscodeVersion ?? 'none',
    appName: results[0]?.appName ?? 'none',
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    durationMs: results.reduce((sum, r) => sum + r.durationMs, 0),
    tests,
    ...(errors.length > 0 ? { error: errors.join('\n') } : results.length === 0 ? { error: 'no test file matched ARCHDOC_TEST_SUITES' } : {}),
  };
}

interface PassOptions {
  /** Workspace Trust on: the folder opens in Restricted Mode. */
  readonly trust?: boolean;
  /** Plays a part in the page while the suite runs. */
  readonly watch?: (page: Page, env: Record<string, string>) => void;
  /** Checks what only the page shows once the suite has run; each result counts as a test. */
  readonly afterSuite?: (page: Page) => Promise<TestResult[]>;
}

async function runInCodeServer(
  workDir: string,
  workspace: string | undefined,
  vsixes: readonly string[],
  env: Record<string, string>,
  options: PassOptions = {},
): Promise<SuiteResults> {
  const bin = step('code-server is ready', () => ensureCodeServer());
  const profile = createProfile(workDir, { trust: options.trust });
  step('installed the extensions', () => vsixes.forEach((vsix) => installExtension(bin, profile, vsix)));
  const server = await stepAsync('code-server is listening', () => startCodeServer(bin, profile, env));
  let workbench: Awaited<ReturnType<typeof openWorkbench>> | undefined;
  const stopAll = () => Promise.all([workbench?.close(), server.stop()]);
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    // `ew`: an empty window, with no folder open.
    workbench = await stepAsync('the workbench is open', () => openWorkbench(workspace === undefined ? `${server.url}/?ew=true` : folderUrl(server, workspace)));
    answerConfirmations(workbench.page);
    options.watch?.(workbench.page, env);
    const serverStopped = server.exited.then((how) => {
      throw new Error(`code-server stopped during the run (${how})`);
    });
    const text = await stepAsync('the suite finished', () =>
      Promise.race([waitForFile(env.ARCHDOC_TEST_RESULTS, timeoutMs), serverStopped]),
    );
    const results = JSON.parse(text) as SuiteResults;
    if (!options.afterSuite || results.error) return results;
    const checked = await stepAsync('checked the workbench', () => options.afterSuite!(workbench!.page));
    return {
      ...results,
      passed: results.passed + checked.filter((t) => t.state === 'passed').length,
      failed: results.failed + checked.filter((t) => t.state === 'failed').length,
      tests: [...results.tests, ...checked],
    };
  } catch (error) {
    const screenshot = path.join(workDir, 'failure.png');
    if (await workbench?.page.screenshot({ path: screenshot }).then(() => true, () => false)) log(`the page at the failure: ${screenshot}`);
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
 * Plays the user's part in the modal dialogs the suite triggers, as a user would answer them:
 * - a language-model tool that edits asks first (outside a chat, with a modal dialog): Yes;
 * - New Architecture Doc on a name that exists: Choose Another Name, to keep both documents.
 * The test then sees what only that answer can cause.
 */
function answerConfirmations(page: Page): void {
  const answers: Array<[text: string, button: RegExp]> = [
    ['Apply ArchDoc fixes?', /^(Yes|OK)$/],
    ['ArchDoc never overwrites a file.', /^Choose Another Name$/],
  ];
  const answer = async (text: string, button: RegExp): Promise<void> => {
    const dialog = page.locator('.monaco-dialog-box', { hasText: text });
    for (;;) {
      try {
        await dialog.waitFor({ state: 'visible', timeout: 0 });
      } catch {
        return; // The page was closed: the run is over.
      }
      await dialog.locator('.monaco-button', { hasText: button }).first().click();
      await dialog.waitFor({ state: 'hidden' }).catch(() => undefined);
    }
  };
  for (const [text, button] of answers) void answer(text, button);
}

/**
 * Plays the user's part in Save As, with VS Code's own file dialog (a quick input holding the
 * proposed path): keeps the proposed file name and saves it in `folder`, so that a test can
 * tell the name VS Code proposed from the file it gets, and nothing is written elsewhere.
 */
function answerSaveAs(page: Page, folder: string): void {
  const dialog = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: 'Save As' }) });
  const answer = async (): Promise<void> => {
    for (;;) {
      try {
        await dialog.waitFor({ state: 'visible', timeout: 0 });
      } catch {
        return; // The page was closed: the run is over.
      }
      const shown = Date.now();
      const input = dialog.locator('input').first();
      // The dialog fills in the folder first and the file name after it: wait for a name that stays.
      let proposed = '';
      for (let previous = '', until = Date.now() + 15_000; Date.now() < until; previous = proposed) {
        proposed = await input.inputValue().catch(() => '');
        if (proposed === previous && /\/[^/]+\.\w+$/.test(proposed)) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      log(`Save As proposes ${proposed} (${Date.now() - shown} ms after it opened)`);
      await input.fill(path.join(folder, proposed.slice(proposed.lastIndexOf('/') + 1)));
      // The first Enter may only take the dialog's completion of what was typed; the next one saves.
      for (let attempt = 0; attempt < 5; attempt++) {
        await page.keyboard.press('Enter');
        if (await dialog.waitFor({ state: 'hidden', timeout: 2000 }).then(() => true, () => false)) break;
      }
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
