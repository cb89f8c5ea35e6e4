/**
 * What `archdoc check` checks, decided by the same policy as the editor's: the config file
 * nearest each document, its `files` globs and templates, markers and opt-outs. A directory
 * operand stands for every markdown file below it that the policy selects; a file operand is
 * checked whatever its name (unless it opts out); a glob stands for the files it matches.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { ArchdocLanguageService } from '../core/index.ts';
import { Policy, type Decision } from '../policy/index.ts';
import { loadBundledTemplates } from '../node/bundled.ts';
import { NodeWorkspace, pathToUri } from '../node/workspace.ts';
import { DEFAULT_MAX_BYTES, readText } from './files.ts';

const MARKDOWN = ['**/*.md', '**/*.markdown', '**/*.mdown', '**/*.mkd'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** The repository root above `dir` (the folder holding `.git`), else `dir` itself: the CLI's workspace folder. */
export function projectRoot(dir: string): string {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return path.resolve(dir);
  }
}

/**
 * The policy as the CLI uses it: trusted, the project root as the one folder, and in place of
 * editor settings the CLI's own size limit, which a config file's `maxFileSize` overrides and
 * `--max-size` (`maxBytes`) overrides in turn.
 */
export async function createCliPolicy(engine: ArchdocLanguageService, bundledTemplates: string, cwd: string, maxBytes?: number): Promise<Policy> {
  const workspace = new NodeWorkspace();
  const registry = await loadBundledTemplates(workspace, bundledTemplates);
  const root = pathToUri(projectRoot(cwd));
  const defaults = { maxFileSize: DEFAULT_MAX_BYTES };
  return new Policy({
    workspace,
    registry,
    engine,
    trusted: true,
    folders: () => [root],
    clientSettings: () => Promise.resolve(defaults),
    ...(maxBytes === undefined ? {} : { override: { maxFileSize: maxBytes } }),
  });
}

/** A file to consider, and whether the command line named it. */
export interface Candidate {
  readonly file: string;
  readonly named: boolean;
}

/** Expands the operands into candidate files, in a stable order. */
export async function candidates(operands: readonly string[]): Promise<{ files: Candidate[]; errors: string[] }> {
  const files: Candidate[] = [];
  const errors: string[] = [];
  for (const operand of operands) {
    const stat = await fs.stat(operand).catch(() => undefined);
    if (stat?.isFile()) {
      files.push({ file: operand, named: true });
    } else if (stat?.isDirectory()) {
      const found = await glob(MARKDOWN, { cwd: operand, ignore: IGNORE, dot: false, caseSensitiveMatch: false });
      files.push(...found.sort().map((f) => ({ file: path.join(operand, f), named: false })));
    } else if (/[*?[\]{}]/.test(operand)) {
      const found = await glob(operand, { ignore: IGNORE, dot: false, onlyFiles: true });
      if (found.length === 0) errors.push(`${operand}: no file matches`);
      files.push(...found.sort().map((f) => ({ file: f, named: true })));
    } else {
      errors.push(`${operand}: no such file or directory`);
    }
  }
  const seen = new Set<string>();
  return { files: files.filter((c) => !seen.has(path.resolve(c.file)) && seen.add(path.resolve(c.file))), errors };
}

export type CandidateOutcome = { readonly decision: Decision; readonly text: string } | { readonly error: string };

/** The policy's decision for one candidate, reading the file only as far as the decision needs. */
export async function decideFile(policy: Policy, candidate: Candidate, maxReadBytes: number): Promise<CandidateOutcome | undefined> {
  const { file, named } = candidate;
  const stat = await fs.stat(file).catch(() => undefined);
  let text: string | undefined;
  let failure: string | undefined;
  const read = async (): Promise<string> => {
    if (text !== undefined) return text;
    const outcome = await readText(file, maxReadBytes);
    if ('error' in outcome) {
      failure = outcome.error;
      return '';
    }
    text = outcome.text;
    return text;
  };
  const decision = await policy.decide({ uri: pathToUri(path.resolve(file)), bytes: stat?.size ?? 0, named, text: read });
  if (decision.kind === 'ignored') return undefined;
  if (decision.kind === 'checked') await read();
  if (failure !== undefined) return { error: failure };
  return { decision, text: text ?? '' };
}
