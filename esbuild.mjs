// Bundles the entry points: the desktop extension, the language server and the CLI for Node, and
// the extension and its language server (a Web Worker) for VS Code for the Web. The VS Code
// API is provided by the host, so it stays external.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

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

// `archdoc:bundled-templates`: every file of server/templates/ by name, as text, so that the
// browser build carries the bundled templates that the Node build reads from the disk.
/** @type {import('esbuild').Plugin} */
const embedTemplates = {
  name: 'embed-templates',
  setup(build) {
    build.onResolve({ filter: /^archdoc:bundled-templates$/ }, (args) => ({ path: args.path, namespace: 'archdoc-templates' }));
    build.onLoad({ filter: /.*/, namespace: 'archdoc-templates' }, () => {
      const folder = new URL('./server/templates/', import.meta.url);
      const files = Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(new URL(name, folder), 'utf8')]));
      return { contents: JSON.stringify(files), loader: 'json', watchFiles: Object.keys(files).map((name) => new URL(name, folder).pathname) };
    });
  },
};

// The web bundles: no Node built-ins (esbuild refuses to resolve them for the browser), and the
// bundled templates embedded as text, since a Web Worker has no files to read.
/** @type {import('esbuild').BuildOptions} */
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: false,
  minify,
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
  plugins: [embedTemplates],
  define: { __ARCHDOC_VERSION__: JSON.stringify(version) },
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
  { ...web, entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/browser/extension.js', format: 'cjs', external: ['vscode'] },
  { ...web, entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/browser/server.js', format: 'iife' },
];

const selected = only ? builds.filter((b) => b.outfile === `dist/${only}.js`) : builds;

if (watch) {
  for (const options of selected) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(selected.map((options) => esbuild.build(options)));
  // What went into each web bundle, for the test that keeps Node out of them and for the benchmark.
  for (const [i, options] of selected.entries()) {
    if (results[i].metafile) writeFileSync(options.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(results[i].metafile));
  }
}
