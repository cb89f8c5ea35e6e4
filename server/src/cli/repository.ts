/**
 * Repository facts for `archdoc check`: one scan per repository root, whatever the number of
 * documents in it, and each reason a check was skipped said once on stderr.
 */
import * as path from 'node:path';
import type { DriftFacts } from '../core/index.ts';
import { findRepositoryRoot } from '../repo/root.ts';
import { RepositoryFactsStore } from '../repo/store.ts';

export class RepositoryChecks {
  private readonly store = new RepositoryFactsStore();
  private readonly said = new Set<string>();

  constructor(private readonly err: (text: string) => void) {}

  /**
   * The facts of the document at `file`, the current folder standing for the workspace folder;
   * undefined when the document belongs to no repository.
   */
  async factsFor(file: string): Promise<DriftFacts | undefined> {
    const cwd = process.cwd();
    const absolute = path.resolve(file);
    const relative = path.relative(cwd, absolute);
    const inCwd = !relative.startsWith('..') && !path.isAbsolute(relative);
    const root = await findRepositoryRoot(absolute, inCwd ? cwd : undefined, true);
    if (root === undefined) {
      this.once(`repository checks are skipped for ${file}: it is in no git repository, no folder above it holds .archdoc.jsonc, and it lies outside the current folder`);
      return undefined;
    }
    const facts = await this.store.gather(root, absolute);
    if (facts.document.gitUnavailable) this.once(`stale-date is skipped: ${facts.document.gitUnavailable} (${root})`);
    if (facts.repository.manifests.length === 0) this.once(`unknown-dependency and version-mismatch are skipped: no manifest in ${root}`);
    const notes = this.store.notes(root);
    if (notes.length) this.once(`${notes.length} path${notes.length === 1 ? '' : 's'} skipped while reading ${root}; first: ${notes[0]}`);
    return facts;
  }

  private once(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.err(`archdoc: ${message}\n`);
  }
}
