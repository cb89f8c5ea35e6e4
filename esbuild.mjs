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

/** In the CLI bundle, the MCP server is required from its own bundle beside it instead of being inlined. */
const mcpApart = {
  name: 'mcp-apart',
  setup(build) {
    build.onResolve({ filter: /[\\/]mcp[\\/]main\.ts$/ }, () => ({ path: './mcp.js', external: true }));
  },
};

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const builds = [
  // jsonc-parser's CommonJS build loads its parts with require() calls a bundler cannot follow; its ES module build bundles.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], mainFields: ['module', 'main'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node\n' + common.banner.js }, plugins: [mcpApart] },
  { ...common, entryPoints: ['server/src/mcp/main.ts'], outfile: 'dist/mcp.js' },
];

const selected = only ? builds.filter((b) => b.outfile === `dist/${only}.js`) : builds;

if (watch) {
  for (const options of selected) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(selected.map((options) => esbuild.build(options)));
}
