/**
 * The web bundles carry nothing of Node: no built-in module went into them, and the Node
 * globals a browser lacks (`process`, `Buffer`, `global`) are never used unguarded, the
 * mistake behind "global is not defined" in other extensions' web builds. esbuild's metafile
 * (written next to each bundle) says what went in; the bundle's text says what it uses.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLES = ['dist/browser/extension.js', 'dist/browser/server.js'];
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename'];
/**
 * Uses known to be unreachable, each with the reason. vscode-uri carries its own copy of
 * Node's posix path module, whose `resolve()` falls back to `process.cwd()` for a relative
 * path; ArchDoc joins URIs (`Utils.joinPath`) and never resolves a relative one.
 */
const UNREACHABLE = [/process\.cwd\(\)/];
/** Browser stand-ins for Node modules, which would mean Node code was bundled after all. */
const POLYFILLS = /node_modules\/(path-browserify|buffer|process|util|events|os-browserify|stream-browserify|crypto-browserify)\//;

interface Metafile {
  readonly inputs: Record<string, { readonly imports: readonly { readonly path: string; readonly external?: boolean }[] }>;
}

function metafile(bundle: string): Metafile {
  return JSON.parse(readFileSync(`${root}${bundle.replace(/\.js$/, '.meta.json')}`, 'utf8')) as Metafile;
}

/**
 * Uses of `name` as a variable (`process.env`, `Buffer.from`, `global[…]`), with a little
 * context, that no `typeof name` guard covers. A method of that name (`process(state)`) is not one.
 */
function unguardedUses(text: string, name: string): string[] {
  const found: string[] = [];
  const use = new RegExp(`(?<![\\w$.'"\`])${name.replace(/\$/g, '\\$')}(?=\\s*[.[(),;?&|])`, 'g');
  const methodDefinition = new RegExp(`^${name.replace(/\$/g, '\\$')}\\([^()]*\\)\\s*\\{`);
  for (const match of text.matchAll(use)) {
    if (methodDefinition.test(text.slice(match.index, match.index + 200))) continue;
    const before = text.slice(Math.max(0, match.index - 160), match.index);
    if (new RegExp(`typeof ${name}\\b`).test(before + text.slice(match.index, match.index + name.length + 1))) continue;
    const context = text.slice(Math.max(0, match.index - 60), match.index + 60);
    if (!UNREACHABLE.some((pattern) => pattern.test(text.slice(match.index, match.index + 20)))) found.push(context);
  }
  return found;
}

for (const bundle of BUNDLES) {
  void test(`${bundle} bundles no Node built-in module and no stand-in for one`, () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const [input, { imports }] of Object.entries(metafile(bundle).inputs)) {
      assert.doesNotMatch(input, POLYFILLS, `${input} stands in for a Node module`);
      for (const imported of imports) {
        assert.ok(!builtins.has(imported.path), `${input} imports the Node module ${imported.path}`);
        if (imported.external) assert.equal(imported.path, 'vscode', `${input} leaves ${imported.path} to the host`);
      }
    }
  });

  void test(`${bundle} uses no Node global unguarded`, () => {
    const text = readFileSync(`${root}${bundle}`, 'utf8');
    for (const name of NODE_GLOBALS) assert.deepEqual(unguardedUses(text, name), [], `${bundle} uses ${name}`);
  });
}
