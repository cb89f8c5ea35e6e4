import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// Boundaries between the parts of the code (docs/ARCHITECTURE.md, "Code map"). Each entry is
// one `no-restricted-imports` pattern group with the reason shown when it is broken.
const NODE = { group: ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)], message: 'The core and the policy do no I/O: file access goes through the workspace interface the adapters implement.' };
const VSCODE = {
  group: ['vscode', 'vscode-*', '!vscode-languageserver-types', '!vscode-languageserver-protocol', '!vscode-uri'],
  message: 'The core and the policy use only the LSP types packages (and vscode-uri), never an editor or a connection.',
};
const ADAPTERS = {
  group: ['**/lsp/*', '**/cli/*', '**/cli.ts', '**/server.ts', '**/client/**', '**/bench/**', '**/test/**'],
  message: 'The core and the policy import nothing from the adapters.',
};
const ENGINE_FACE = {
  group: ['**/core/*', '**/core/**', '!**/core/index.ts'],
  message: 'Adapters use the engine through server/src/core/index.ts (createLanguageService) only.',
};
const RULE_FILES = {
  group: ['**/rules/*', '!**/rules/index.ts'],
  message: 'Rules are leaves: share a helper through server/src/core/analysis/, not by importing a rule file.',
};
const SERVER_FROM_CLIENT = {
  group: ['**/server/src/*', '**/server/src/**', '!**/server/src/protocol.ts'],
  message: 'The client talks to the server over LSP: it imports only server/src/protocol.ts.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', '.vscode-test/**', '*.vsix', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's test() and describe() return promises that the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['server/src/core/**/*.ts'], ignores: ['server/src/core/rules/**'], rules: restrict(NODE, VSCODE, ADAPTERS, { ...RULE_FILES, group: [...RULE_FILES.group, '**/policy/**'] }) },
  { files: ['server/src/core/rules/**/*.ts'], rules: restrict(NODE, VSCODE, { ...ADAPTERS, group: [...ADAPTERS.group, '**/policy/**'] }) },
  { files: ['server/src/policy/**/*.ts'], rules: restrict(NODE, VSCODE, ADAPTERS, ENGINE_FACE) },
  { files: ['server/src/lsp/**/*.ts', 'server/src/mcp/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/cli.ts', 'server/src/server.ts', 'bench/**/*.ts', 'test/helpers/**/*.ts', 'test/*/helpers/**/*.ts', 'test/protocol/**/*.ts'], rules: restrict(ENGINE_FACE) },
  { files: ['client/**/*.ts'], ignores: ['client/src/browser/**'], rules: restrict(SERVER_FROM_CLIENT) },
  // The repository scanner is bundled into the browser's worker too: Node only in the disk's file access and in git.
  {
    files: ['server/src/repo/**/*.ts', 'server/src/browser/**/*.ts', 'server/src/lsp/repository.ts'],
    ignores: ['server/src/repo/nodeFileAccess.ts', 'server/src/repo/git.ts'],
    rules: restrict(ENGINE_FACE, { ...NODE, message: 'The repository scanner runs in a browser too: reach files through FileAccess, and keep Node to nodeFileAccess.ts and git.ts.' }),
  },
  // The browser build runs in a Web Worker and the web extension host: no Node modules there.
  { files: ['client/src/browser/**/*.ts'], rules: restrict(SERVER_FROM_CLIENT, { ...NODE, message: 'The browser build has no Node: reach files through workspace.fs.' }) },
  { files: ['server/src/browser/**/*.ts', 'server/src/browserServer.ts'], rules: restrict(ENGINE_FACE, { ...NODE, message: 'The browser build has no Node: reach files through the client (lsp/clientWorkspace.ts).' }) },
  {
    // Regular expressions see user text (documents, templates, settings): every one must run in
    // linear time, so the backtracking checks are errors for the shipped code.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ...regexp.configs['flat/recommended'],
    rules: {
      ...regexp.configs['flat/recommended'].rules,
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // A spread passes every element as an argument: Math.min(...levels) over a large document's
      // headings overflows the stack.
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Math'] > SpreadElement", message: 'Spreading an array into Math.* overflows the stack on large inputs; use a loop or reduce.' }],
      // Style-only rules of the recommended set, off: they would churn working expressions for no gain in safety.
      'regexp/no-unused-capturing-group': 'off',
      'regexp/prefer-w': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/no-useless-character-class': 'off',
      'regexp/no-useless-lazy': 'off',
      'regexp/optimal-quantifier-concatenation': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
