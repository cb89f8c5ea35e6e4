/**
 * Builds the two extensions an integration run installs: the extension under test, as the
 * `.vsix` a user would install, and the test-runner extension that carries the suite.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
const integrationDir = path.join(repoRoot, 'test', 'integration');

export interface BuiltExtension {
  readonly id: string;
  readonly vsix: string;
  /** The unpacked extension, for `--extensionDevelopmentPath`. */
  readonly dir: string;
  /** Whether this is the real ArchDoc extension or the stand-in that proves the harness. */
  readonly real: boolean;
}

/** Runs a command quietly and throws with its output when it fails. */
export function runChecked(command: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status} in ${cwd}:\n${result.stdout}${result.stderr}`);
  }
}

function vsce(args: readonly string[], cwd: string): void {
  runChecked(process.execPath, [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), ...args], cwd);
}

function readManifest(dir: string): { name: string; publisher: string; version: string; scripts?: Record<string, string> } {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/**
 * The real extension via `npm run package`. Until the manifest has that script, a stand-in
 * extension is packaged instead, so the harness can still be proven end to end;
 * ARCHDOC_TEST_STAND_IN=1 asks for the stand-in explicitly; ARCHDOC_TEST_VSIX names a `.vsix`
 * already packaged, so that several runs can share one packaging.
 */
export function buildExtensionUnderTest(workDir: string): BuiltExtension {
  const manifest = readManifest(repoRoot);
  const prebuilt = process.env.ARCHDOC_TEST_VSIX;
  if (prebuilt) return { id: `${manifest.publisher}.${manifest.name}`, vsix: path.resolve(prebuilt), dir: repoRoot, real: true };
  if (!manifest.scripts?.package || process.env.ARCHDOC_TEST_STAND_IN === '1') return buildStandIn(workDir);
  runChecked('npm', ['run', '--silent', 'package'], repoRoot);
  const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  return { id: `${manifest.publisher}.${manifest.name}`, vsix, dir: repoRoot, real: true };
}

function buildStandIn(workDir: string): BuiltExtension {
  const dir = path.join(workDir, 'stand-in');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'stand-in',
    publisher: 'archdoc-test',
    version: '0.0.1',
    license: 'MIT',
    engines: { vscode: '^1.91.0' },
    activationEvents: ['onLanguage:markdown'],
    main: './extension.js',
    files: ['extension.js', 'README.md'],
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'README.md'), '# Stand-in\n\nTakes the place of ArchDoc until it can be packaged.\n');
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = () => {};\nexports.deactivate = () => {};\n');
  const vsix = path.join(workDir, 'stand-in.vsix');
  vsce(['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix], dir);
  return { id: 'archdoc-test.stand-in', vsix, dir, real: false };
}

/** The test-runner extension with the suite bundled beside it; returns its folder and `.vsix`. */
export async function buildRunnerExtension(workDir: string): Promise<{ dir: string; vsix: string }> {
  const dir = path.join(workDir, 'runner-extension');
  const source = path.join(integrationDir, 'runner-extension');
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'README.md']) fs.copyFileSync(path.join(source, file), path.join(dir, file));
  const suiteDir = path.join(integrationDir, 'suite');
  const suites = fs.readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts'));
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
    // Mocha's parallel mode resolves worker files at run time; it is never used here.
    logOverride: { 'require-resolve-not-external': 'silent' },
  };
  await esbuild.build({ ...common, entryPoints: [path.join(source, 'extension.ts')], outfile: path.join(dir, 'dist', 'extension.js') });
  await esbuild.build({
    ...common,
    entryPoints: suites.map((name) => path.join(suiteDir, name)),
    outdir: path.join(dir, 'dist', 'suite'),
  });
  const vsix = path.join(workDir, 'archdoc-test-runner.vsix');
  vsce(['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix], dir);
  return { dir, vsix };
}
