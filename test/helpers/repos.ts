/**
 * Fixture repositories for the repository checks: copied to a temporary folder, given the traps
 * git cannot hold (a git-ignored folder with code in it, symbolic link loops) and a real git
 * history with fixed dates, then checked through the real scanner.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, REPOSITORY_CODES, type CheckSettings, type DiagnosticCode, type DriftFacts } from '../../server/src/core/index.ts';
import { GitDates } from '../../server/src/repo/git.ts';
import { nodeFileAccess } from '../../server/src/repo/nodeFileAccess.ts';
import { RepositoryFactsStore } from '../../server/src/repo/store.ts';
import { NodeWorkspace, pathToUri } from '../../server/src/node/workspace.ts';
import { Policy, TemplateRegistry } from '../../server/src/policy/index.ts';
import { bundledSchema, readFixture, ROOT } from './core.ts';

export const REPOS = path.join(ROOT, 'test', 'fixtures', 'repos');


/** The date every fixture file is first committed on, and the later commit that leaves the document alone. */
export const FIRST_COMMIT = '2026-03-05T12:00:00Z';
export const LATER_COMMIT = '2026-04-01T12:00:00Z';

export function git(cwd: string, args: readonly string[], date = FIRST_COMMIT): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'Fixture', GIT_AUTHOR_EMAIL: 'fixture@example.com', GIT_COMMITTER_NAME: 'Fixture', GIT_COMMITTER_EMAIL: 'fixture@example.com' };
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
}

export interface PreparedRepo {
  readonly root: string;
  readonly doc: string;
  /** The document's inline expectations (`line:code`), its markers blanked on disk. */
  readonly expected: readonly string[];
}

/**
 * Copies fixture `name` into a temporary folder of the same name, plants the traps and, unless
 * `withGit` is false, commits everything on FIRST_COMMIT and a change to another file on LATER_COMMIT.
 */
export function prepareRepo(name: string, withGit = true): PreparedRepo {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'archdoc-repo-')), name);
  cpSync(path.join(REPOS, name), root, { recursive: true });
  const doc = path.join(root, 'ARCHITECTURE.md');
  // The markers would change what is checked (a table row with a comment after it is no table row).
  const { text, expected } = readFixture(readFileSync(doc, 'utf8'));
  writeFileSync(doc, text);
  // Git-ignored: a build folder whose code reads a variable nobody has to document.
  mkdirSync(path.join(root, 'build', 'assets'), { recursive: true });
  // Written in parts, so that this file itself doesn't read like code reading the variable.
  writeFileSync(path.join(root, 'build', 'bundle.js'), `module.exports = ${['process', 'env', 'BUILD_ONLY_SECRET'].join('.')};\n`);
  // A link to its own folder, and two links pointing at each other.
  symlinkSync('.', path.join(root, 'loop'));
  symlinkSync('ping', path.join(root, 'pong'));
  symlinkSync('pong', path.join(root, 'ping'));
  // A link out of the repository: never followed.
  symlinkSync(tmpdir(), path.join(root, 'outside'));
  if (withGit) {
    git(root, ['init', '-q']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'First']);
    writeFileSync(path.join(root, 'CHANGES.txt'), 'A later change that leaves the document alone.\n');
    git(root, ['add', 'CHANGES.txt'], LATER_COMMIT);
    git(root, ['commit', '-q', '-m', 'Later'], LATER_COMMIT);
  }
  return { root, doc, expected };
}

/** The store the server and the CLI use on the disk: node:fs and git. */
export function diskStore(): RepositoryFactsStore {
  return new RepositoryFactsStore({ access: nodeFileAccess(), git: new GitDates() });
}

/** The repository facts of the fixture's document, its root (and ignore list) as the policy decides them. */
export async function gatherFacts(repo: PreparedRepo, store = diskStore()): Promise<DriftFacts> {
  const registry = new TemplateRegistry([{ id: 'architecture', text: '# Architecture\n', sidecar: {} }]);
  const policy = new Policy({ workspace: new NodeWorkspace(), registry, engine, trusted: true, folders: () => [pathToUri(repo.root)], clientSettings: () => Promise.resolve({}) });
  const doc = pathToUri(repo.doc);
  const root = await policy.repositoryRoot(doc);
  if (root?.uri !== pathToUri(repo.root)) throw new Error(`the fixture's root should be ${repo.root}, not ${root?.uri}`);
  return store.gather(root, doc);
}

/** The repository diagnostics of `text` (markers already removed) with the given facts. */
const engine = createLanguageService();

export function repositoryDiagnostics(text: string, facts: DriftFacts, settings?: CheckSettings): Diagnostic[] {
  return engine.check(engine.analyze(text, bundledSchema()), settings, facts).filter((d) => REPOSITORY_CODES.has(d.code as DiagnosticCode));
}

export function readDoc(repo: PreparedRepo): string {
  return readFileSync(repo.doc, 'utf8');
}

/**
 * The example repository of the rule pages (docs/rules/*.md), as plain facts: folders `src/`,
 * `src/api/` and `src/db/`; `src/app.ts` reads PORT; `.env.example` lists SENTRY_DSN;
 * package.json declares express ^4.18.2 and react ^18.2.0 (locked 18.2.0); the document was
 * last committed on 2026-03-01.
 */
export function exampleFacts(): DriftFacts {
  const dep = (name: string, range: string, locked: string) => ({ name, ecosystem: 'npm' as const, range, locked, dev: false, manifest: 'package.json' });
  return {
    repository: {
      rootName: 'example',
      projectNames: ['example'],
      directories: new Set(['src', 'src/api', 'src/db']),
      files: new Set(['package.json', 'package-lock.json', '.env.example', 'ARCHITECTURE.md', 'src/app.ts', 'src/api/routes.ts', 'src/db/pool.ts']),
      excluded: new Set(['.git', 'node_modules']),
      envReads: new Map([['PORT', 'src/app.ts']]),
      envMentions: new Set(),
      envExamples: new Map([['SENTRY_DSN', '.env.example']]),
      dependencies: new Map([
        ['express', [dep('express', '^4.18.2', '4.18.2')]],
        ['react', [dep('react', '^18.2.0', '18.2.0')]],
      ]),
      manifests: ['package.json'],
    },
    document: { path: 'ARCHITECTURE.md', lastCommit: '2026-03-01', uncommitted: false },
  };
}
