/**
 * What `archdoc check` checks, decided by the same policy as the editor's: the config file
 * nearest each document, its `files` globs and templates, markers and opt-outs. A directory
 * operand stands for every markdown file below it that the policy selects; a file operand is
 * checked whatever its name (unless it opts out); a glob stands for the files it matches.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ArchdocLanguageService } from '../core/index.ts';
import { Policy, type Decision } from '../policy/index.ts';
import { loadBundledTemplates } from '../node/bundled.ts';
import { NodeWorkspace, pathToUri } from '../node/workspace.ts';
import { DEFAULT_MAX_BYTES, expandOperands, readText, type Candidate } from './files.ts';


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

/** Expands the operands into candidate files, safely: see `expandOperands`. */
export const candidates = expandOperands;

export type CandidateOutcome = { readonly decision: Decision; readonly text: string } | { readonly error: string };

/** The policy's decision for one candidate, reading the file only as far as the decision needs; undefined for a file it doesn't select (an opted-out one is answered). */
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
  // An opted-out document is reported as such (it was found, and left alone); others ignored are not.
  if (decision.kind === 'ignored') return decision.reason === 'opted-out' ? { decision, text: '' } : undefined;
  if (decision.kind === 'checked') await read();
  if (failure !== undefined) return { error: failure };
  return { decision, text: text ?? '' };
}
