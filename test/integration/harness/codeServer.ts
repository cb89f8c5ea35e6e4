/**
 * Starts a real VS Code, code-server, in a throwaway profile: its own user data, its own
 * extensions folder, settings that keep it quiet and offline, and a loopback port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './build';

export interface Profile {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Whether Workspace Trust is on, so that the workspace opens in Restricted Mode. */
  readonly trust: boolean;
}

export interface RunningCodeServer {
  readonly url: string;
  /** The server's output so far, to show when something goes wrong. */
  output(): string;
  /** Settles when the server exits, with its exit code or signal. */
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

/** Builds code-server when needed (see .ci/code-server.sh) and returns its binary. */
export function ensureCodeServer(): string {
  const fromEnv = process.env.ARCHDOC_CODE_SERVER;
  if (fromEnv) return fromEnv;
  const script = path.join(repoRoot, '.ci', 'code-server.sh');
  const result = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', process.stderr], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} failed with ${result.status ?? result.signal}`);
  const bin = result.stdout.trim().split('\n').pop();
  if (!bin || !fs.existsSync(bin)) throw new Error(`${script} printed no code-server binary: ${result.stdout}`);
  return bin;
}

/** `trust`: Workspace Trust is on and a folder opens in Restricted Mode without asking (the restricted pass). */
export function createProfile(workDir: string, options: { trust?: boolean } = {}): Profile {
  const profile = { userDataDir: path.join(workDir, 'user-data'), extensionsDir: path.join(workDir, 'extensions'), trust: options.trust === true };
  const settingsDir = path.join(profile.userDataDir, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  const settings = {
    'security.workspace.trust.enabled': profile.trust,
    ...(profile.trust ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    // The fixture workspaces' documents describe no real repository; the repository checks have their own tests.
    'archdoc.checkRepository': false,
  };
  fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify(settings, null, 2));
  return profile;
}

export function installExtension(bin: string, profile: Profile, vsix: string): void {
  const args = ['--install-extension', vsix, '--force', ...profileArgs(profile)];
  const result = spawnSync(bin, args, { encoding: 'utf8' });
  if (result.status !== 0 || /failed|error/i.test(result.stderr)) {
    throw new Error(`installing ${vsix} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

function profileArgs(profile: Profile): string[] {
  return ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/**
 * Starts code-server on a free loopback port and resolves once it listens. The extension
 * host inherits `env`, which is how the test-runner extension learns where to write.
 */
export function startCodeServer(
  bin: string,
  profile: Profile,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<RunningCodeServer> {
  const args = [
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    ...(profile.trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--config', path.join(profile.userDataDir, 'config.yaml'),
    ...profileArgs(profile),
  ];
  // Its own process group, so stop() ends the server with every process it spawned.
  const child = spawn(bin, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ?? `exit code ${code}`));
    child.on('error', (error) => resolve(`failed to start: ${error.message}`));
  });
  const server: Omit<RunningCodeServer, 'url'> = {
    output: () => output,
    exited,
    stop: () => stopGroup(child, exited),
  };
  return new Promise<RunningCodeServer>((resolve, reject) => {
    const timer = setTimeout(() => fail(`code-server did not listen within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ ...server, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((how) => fail(`code-server stopped before listening (${how})`), reject);

    function fail(message: string): void {
      clearTimeout(timer);
      server.stop().then(() => reject(new Error(`${message}\n${output}`)), reject);
    }
  });
}

async function stopGroup(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child.pid, 'SIGTERM');
  const killed = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(killed);
  // Children of the server (extension host, watchers) may outlive it by a moment.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** The URL that opens `folder` in the workbench. */
export function folderUrl(server: RunningCodeServer, folder: string): string {
  return `${server.url}/?folder=${encodeURIComponent(folder)}`;
}
