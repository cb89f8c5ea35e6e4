/**
 * Repository facts for `archdoc check`: one scan per repository root (the policy decides the
 * root, as it does for the editor), whatever the number of documents in it, and each reason a
 * check was skipped said once on stderr.
 */
import type { DriftFacts } from '../core/index.ts';
import type { Policy } from '../policy/index.ts';
import { pathToUri, uriToPath } from '../node/workspace.ts';
import { GitDates } from '../repo/git.ts';
import { nodeFileAccess } from '../repo/nodeFileAccess.ts';
import { RepositoryFactsStore } from '../repo/store.ts';

export class RepositoryChecks {
  private readonly store = new RepositoryFactsStore({ access: nodeFileAccess(), git: new GitDates() });
  private readonly said = new Set<string>();

  constructor(
    private readonly policy: Policy,
    private readonly err: (text: string) => void,
  ) {}

  /** The facts of the document at `file`; undefined when the document belongs to no repository. */
  async factsFor(file: string): Promise<DriftFacts | undefined> {
    const uri = pathToUri(file);
    const root = await this.policy.repositoryRoot(uri);
    if (root === undefined) {
      // Said once per run, not per document: a folder of such documents would otherwise bury the findings.
      this.once('repository checks are skipped for documents in no git repository, under no folder holding .archdoc.jsonc, and outside the current folder');
      return undefined;
    }
    const facts = await this.store.gather(root, uri);
    const shown = uriToPath(root.uri) ?? root.uri;
    if (facts.document.gitUnavailable) this.once(`stale-date is skipped: ${facts.document.gitUnavailable} (${shown})`);
    if (facts.repository.manifests.length === 0) this.once(`unknown-dependency and version-mismatch are skipped: no manifest in ${shown}`);
    const notes = this.store.notes(root.uri);
    if (notes.length) this.once(`${notes.length} path${notes.length === 1 ? '' : 's'} skipped while reading ${shown}; first: ${notes[0]}`);
    return facts;
  }

  private once(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.err(`archdoc: ${message}\n`);
  }
}
