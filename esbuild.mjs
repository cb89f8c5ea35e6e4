// Bundles the three entry points. The VS Code API is provided by the host, so it stays external.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const minify = !process.argv.includes('--no-minify');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify,
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer a package's ES module build: jsonc-parser's UMD build loads its parts with a dynamic require that a bundle cannot follow.
  mainFields: ['module', 'main'],
  // Some dependencies are ES modules that read import.meta.url; in a CommonJS bundle it is derived from __filename.
  banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url', __ARCHDOC_VERSION__: JSON.stringify(version) },
};

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } },
];

const selected = only ? builds.filter((b) => b.outfile === `dist/${only}.js`) : builds;

if (watch) {
  for (const options of selected) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(selected.map((options) => esbuild.build(options)));
}
