/**
 * The placeholder injection grammar, run by the same TextMate engine VS Code uses, on top
 * of VS Code's own markdown grammar (a copy in fixtures/), so that code spans, fences and
 * links are scoped exactly as in the editor.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
const root = new URL('../../../', import.meta.url);
const injectionPath = new URL('syntaxes/placeholder.injection.tmLanguage.json', root);
const injection = JSON.parse(readFileSync(injectionPath, 'utf8')) as { scopeName: string; injectionSelector: string };
const markdown = readFileSync(new URL('fixtures/markdown.tmLanguage.json', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
};

const grammarPromise = (async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === 'text.html.markdown') return textmate.parseRawGrammar(markdown, 'markdown.tmLanguage.json');
      if (scopeName === injection.scopeName) return textmate.parseRawGrammar(readFileSync(injectionPath, 'utf8'), injectionPath.pathname);
      return null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [injection.scopeName] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the markdown grammar loads');
  return grammar;
})();

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

async function tokenize(source: string): Promise<Token[]> {
  const grammar = await grammarPromise;
  let stack = textmate.INITIAL;
  const tokens: Token[] = [];
  for (const line of source.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    stack = result.ruleStack;
  }
  return tokens;
}

/** The text of every run of tokens whose innermost placeholder scope starts with `scope`. */
async function placeholders(source: string, scope = 'variable.other.placeholder'): Promise<string[]> {
  const found: string[] = [];
  let current: string | undefined;
  for (const token of await tokenize(source)) {
    const inside = token.scopes.some((name) => name.startsWith(scope));
    if (inside) current = (current ?? '') + token.text;
    else if (current !== undefined) {
      found.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) found.push(current);
  return found;
}

void test('the manifest injects the grammar into markdown', () => {
  const entry = manifest.contributes.grammars.find((grammar) => grammar.scopeName === injection.scopeName);
  assert.ok(entry, 'a grammars entry names the injection scope');
  assert.deepEqual(entry.injectTo, ['text.html.markdown']);
  assert.equal(new URL(entry.path, root).href, injectionPath.href);
  assert.match(injection.injectionSelector, /^L:text\.html\.markdown /);
});

void test('scopes a text placeholder in prose and in headings', async () => {
  assert.deepEqual(await placeholders('Technical design documentation for [Project Name].'), ['[Project Name]']);
  assert.deepEqual(await placeholders('## Notes on [Component Name]'), ['[Component Name]']);
  assert.deepEqual(await placeholders('- [ASCII diagram] and [Second One]'), ['[ASCII diagram]', '[Second One]']);
});

void test('scopes a choice placeholder with its own scope', async () => {
  const source = '**Status**: [Draft | Active | Deprecated]';
  assert.deepEqual(await placeholders(source), ['[Draft | Active | Deprecated]']);
  assert.deepEqual(await placeholders(source, 'variable.other.placeholder.choice.archdoc'), ['[Draft | Active | Deprecated]']);
  assert.deepEqual(await placeholders('[A | B]'), ['[A | B]']);
});

void test('scopes dates as date placeholders', async () => {
  const scope = 'constant.other.placeholder.date.archdoc';
  assert.deepEqual(await placeholders('**Last Updated**: YYYY-MM-DD', scope), ['YYYY-MM-DD']);
  assert.deepEqual(await placeholders('**[Date] - Decision Title**', scope), ['[Date]']);
  assert.deepEqual(await placeholders('a file named YYYY-MM-DD-notes.md', scope), []);
});

void test('leaves links, images and reference definitions alone', async () => {
  assert.deepEqual(await placeholders('See [the guide](https://example.com/guide) for more.'), []);
  assert.deepEqual(await placeholders('See [the guide][guide] and [Another Doc][].'), []);
  assert.deepEqual(await placeholders('![Logo Image](logo.png)'), []);
  assert.deepEqual(await placeholders('[guide]: https://example.com/guide'), []);
  assert.deepEqual(await placeholders('An escaped \\[Not Placeholder] bracket.'), []);
});

void test('leaves task boxes and bracketed code-like text alone', async () => {
  assert.deepEqual(await placeholders('- [ ] write the overview\n- [x] pick a template\n- [X] done'), []);
  assert.deepEqual(await placeholders('Returns [...] or [1, 2].'), []);
});

void test('leaves code spans alone', async () => {
  assert.deepEqual(await placeholders('Use `[Project Name]` literally, then [Real One].'), ['[Real One]']);
  assert.deepEqual(await placeholders('Dates look like `YYYY-MM-DD`.', 'constant.other.placeholder'), []);
});

void test('leaves fenced and indented code blocks alone', async () => {
  const fenced = ['```', '[ASCII diagram or link to diagram]', 'YYYY-MM-DD', '```', '', 'After [Project Name].'].join('\n');
  assert.deepEqual(await placeholders(fenced), ['[Project Name]']);
  assert.deepEqual(await placeholders(fenced, 'constant.other.placeholder'), []);
  const tilde = ['~~~sql', 'SELECT [Column Name] FROM t;', '~~~'].join('\n');
  assert.deepEqual(await placeholders(tilde), []);
  const indented = ['Paragraph.', '', '    [Indented Code]', '', 'Text.'].join('\n');
  assert.deepEqual(await placeholders(indented), []);
});

void test('leaves HTML comments alone', async () => {
  assert.deepEqual(await placeholders('<!-- archdoc-disable [Project Name] -->'), []);
});

void test('scopes every placeholder line of the bundled template outside code', async () => {
  const template = readFileSync(new URL('server/templates/ARCHITECTURE.md', root), 'utf8');
  const found = await placeholders(template);
  assert.ok(found.includes('[Project Name]'));
  assert.ok(found.includes('[Draft | Active | Deprecated]'));
  assert.ok(!found.includes('[ASCII diagram or link to diagram]'), 'fenced diagram text is not scoped');
  assert.deepEqual(await placeholders(template, 'constant.other.placeholder.date'), ['[Date]', 'YYYY-MM-DD']);
});
