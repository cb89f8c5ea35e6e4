/**
 * One run of a web suite: the packaged extension unpacked (ARCHDOC_TEST_VSIX, or `npm run
 * package`), the suite bundled into it, a copy of the fixture workspace mounted on
 * `@vscode/test-web`'s in-memory file system, and Debian's Chromium, driven by
 * playwright-core, opening the workbench, which runs the suite in the web extension host and
 * reports through functions the page exposes, and reads what the page shows through the
 * probe (probe.ts). Used by the web suite and the web benchmark.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildExtensionUnderTest, runChecked } from '../../integration/harness/build';
import { openWorkbench, type Workbench } from '../../integration/harness/browser';
import type { SuiteResults } from '../../integration/harness/results';
import { RESULTS_PREFIX } from '../suite/protocol';
import { bundleSuite, type SuiteSelection } from './bundle';
import { startProbe, type Probe } from './probe';
import { openUntrusted } from './untrusted';
import { startWebServer, type VscodeWebCache, type WebServer } from './vscodeWeb';

const fixtures = path.join(__dirname, '..', 'fixtures');

/** The extension as a user installs it: the `extension/` folder of the packaged `.vsix`. */
export function prepareExtension(workDir: string): string {
  const built = buildExtensionUnderTest(workDir);
  if (!built.real) throw new Error('the web suite needs ArchDoc itself, and `npm run package` is missing');
  const into = path.join(workDir, 'vsix');
  runChecked('unzip', ['-q', '-o', built.vsix, '-d', into], workDir);
  return path.join(into, 'extension');
}

export interface SessionOptions extends SuiteSelection {
  readonly cache: VscodeWebCache;
  readonly workDir: string;
  readonly extensionDir: string;
  /** The folder of the `*.test.ts` files to run. */
  readonly suiteDir: string;
  readonly timeoutMs: number;
  /** The fixture folder mounted as the workspace (a folder of ../fixtures); `workspace` by default. */
  readonly fixture?: string;
  /** Opens the workspace in Restricted Mode, as vscode.dev opens a GitHub repository (untrusted.ts). */
  readonly untrusted?: boolean;
  /** Called with every line the workbench logs. */
  readonly onLine?: (line: string) => void;
  readonly log: (message: string) => void;
}

export interface SessionOutcome {
  readonly results: SuiteResults;
  /** Everything the workbench logged, results line excepted. */
  readonly lines: readonly string[];
}

export async function runSession(options: SessionOptions): Promise<SessionOutcome> {
  const { workDir, extensionDir, log } = options;
  const testsFile = path.join(extensionDir, 'web-test', 'suite.js');
  const probe = await startProbe();
  try {
    await bundleSuite(options.suiteDir, testsFile, options, probe.url);
    const workspace = path.join(workDir, `workspace-${Date.now()}`);
    fs.cpSync(path.join(fixtures, options.fixture ?? 'workspace'), workspace, { recursive: true });
    const server = await startWebServer(options.cache, { extensionDir, testsFile, workspace });
    try {
      return await runInBrowser(server, probe, options);
    } finally {
      server.close();
      log('the web server stopped');
    }
  } finally {
    probe.close();
  }
}

async function runInBrowser(server: WebServer, probe: Probe, options: SessionOptions): Promise<SessionOutcome> {
  const lines: string[] = [];
  let results: SuiteResults | undefined;
  let exited: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => (exited = resolve));
  let failed: (error: Error) => void = () => {};
  const cannotRun = new Promise<never>((_, reject) => (failed = reject));
  const record = (line: string) => {
    // The workbench says so, and then waits forever, when the extension has no web entry point.
    if (line.includes('No extension host found that can launch the test runner')) failed(new Error(`the workbench cannot run the suite: ${line}`));
    // The page's console repeats the automation log with CSS markers; one copy is enough.
    if (line.startsWith('%c')) return;
    const at = line.indexOf(RESULTS_PREFIX);
    if (at >= 0) {
      results = JSON.parse(line.slice(at + RESULTS_PREFIX.length)) as SuiteResults;
      return;
    }
    lines.push(line);
    options.onLine?.(line);
  };
  let workbench: Workbench | undefined;
  const onSignal = () => void Promise.resolve(workbench?.close()).finally(() => (server.close(), process.exit(130)));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    workbench = await openWorkbench(server.url, undefined, async (page) => {
      // The workbench reports the extension host's log and the end of the run through these.
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => record(`[${type}] ${args.map(String).join(' ')}`));
      await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
      page.on('console', (message) => record(message.text()));
      probe.attach(page);
      if (options.untrusted) await openUntrusted(page);
    });
    options.log('the workbench is open');
    const code = await withDeadline(Promise.race([exit, cannotRun]), options.timeoutMs, 'the web suite to finish');
    if (!results) throw new Error(`the workbench exited with ${code} and reported no results`);
    return { results, lines };
  } catch (error) {
    options.log(`workbench log, last lines:\n${lines.slice(-60).join('\n')}`);
    if (workbench?.pageErrors.length) options.log(`page errors:\n${workbench.pageErrors.join('\n')}`);
    throw error;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await workbench?.close();
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
