/**
 * Bundles a web suite for the web extension host: one CommonJS file for the browser,
 * `vscode` left to the host, every `*.test.ts` of the folder loaded in file-name order (or
 * the ones selected), the grep and the probe's address baked in, since the browser has no
 * environment to read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const runner = path.join(__dirname, '..', 'suite', 'index.ts');

export interface SuiteSelection {
  readonly only?: readonly string[];
  readonly grep?: string;
}

export async function bundleSuite(suiteDir: string, outfile: string, selection: SuiteSelection, probeUrl: string): Promise<void> {
  const files = fs
    .readdirSync(suiteDir)
    .filter((name) => name.endsWith('.test.ts'))
    .filter((name) => !selection.only || selection.only.includes(name.slice(0, -'.test.ts'.length)))
    .sort();
  if (files.length === 0) throw new Error(`no web test files in ${suiteDir} for ${selection.only?.join(',') ?? 'all'}`);
  // Each test file is wrapped in a function so that mocha's globals exist when it runs.
  const suites = files.map((name) => `{ name: ${JSON.stringify(name)}, load: () => require(${JSON.stringify(`./${name}`)}) }`);
  const entry = `module.exports = { run: require(${JSON.stringify(runner)}).createRun([${suites.join(', ')}], ${JSON.stringify(selection.grep ?? '')}) };`;
  await esbuild.build({
    stdin: { contents: entry, resolveDir: suiteDir, sourcefile: 'web-suite.js', loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    outfile,
    external: ['vscode'],
    logLevel: 'warning',
    // The integration suite's helpers read the extension id from the environment; the browser has none.
    // Where the runner answers what the page shows (harness/probe.ts), baked in for the same reason.
    define: { 'process.env.ARCHDOC_TEST_EXTENSION_ID': 'undefined', __ARCHDOC_WEB_PROBE__: JSON.stringify(probeUrl) },
  });
}
