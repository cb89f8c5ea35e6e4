/**
 * Repository facts for open documents, kept off the keystroke path: facts are gathered when a
 * document opens, when it is saved and when watched files change, and a check only ever reads
 * what is cached (`factsFor`). When new facts arrive, the documents of that repository are
 * checked again through `recheck`. Documents and roots are URIs; the host supplies the file
 * access and git (where git can run), the policy decides each document's root.
 */
import type { DriftFacts } from '../core/index.ts';
import type { RepositoryRoot } from '../policy/index.ts';
import type { FileAccess } from '../repo/fileAccess.ts';
import { RepositoryFactsStore, type GitSource } from '../repo/store.ts';
import type { RepositoryFactsOptions, RepositoryFactsSource } from './host.ts';

/** What a host gives the repository facts: how to read files, and git if it can run. */
export interface RepositoryAccess {
  readonly access: FileAccess;
  readonly git?: GitSource;
  /** Why there are no git facts, when `git` is absent. */
  readonly gitUnavailable?: string;
}

export class RepositoryFacts implements RepositoryFactsSource {
  private readonly store: RepositoryFactsStore;
  /** Open documents by URI, with their root once known. */
  private readonly open = new Map<string, string | undefined>();
  private readonly said = new Set<string>();

  constructor(
    private readonly options: RepositoryFactsOptions,
    host: RepositoryAccess,
  ) {
    const trusted = options.trusted;
    this.store = new RepositoryFactsStore({
      access: host.access,
      // The repository's own git configuration is not trusted in a restricted workspace, so git is not run there.
      git: trusted ? host.git : undefined,
      gitUnavailable: trusted ? host.gitUnavailable : 'git is not run in a restricted workspace',
    });
  }

  /** The cached facts of an open document, without any I/O; undefined until they are gathered. */
  factsFor(uri: string): DriftFacts | undefined {
    const root = this.open.get(uri);
    return root === undefined ? undefined : this.store.peek(root, uri);
  }

  /** A document opened or was saved: gather (or refresh) its facts, then check it again. */
  async refresh(uri: string, saved = false): Promise<void> {
    if (!this.open.has(uri)) this.open.set(uri, undefined);
    // Asked each time: the policy caches it, and a new or changed config file can move the root.
    const root: RepositoryRoot | undefined = await this.options.rootOf(uri);
    // A document in no repository (no folder open, no git, no configuration) is checked against its template only.
    if (root === undefined || !this.open.has(uri)) return;
    this.open.set(uri, root.uri);
    if (saved) await this.store.changed([uri]);
    const facts = await this.store.gather(root, uri);
    this.explain(root.uri, facts);
    if (this.open.has(uri)) this.options.recheck(uri);
  }

  closed(uri: string): void {
    this.open.delete(uri);
  }

  /** Files changed: update the scans holding them and check their documents again. */
  async filesChanged(uris: readonly string[]): Promise<void> {
    if (uris.length === 0) return;
    const roots = new Set(await this.store.changed(uris));
    for (const [uri, root] of this.open) {
      if (root === undefined || !roots.has(root)) continue;
      await this.store.documentFacts(root, uri);
      this.options.recheck(uri);
    }
  }

  /** Why a check is skipped, once per reason and repository. */
  private explain(root: string, facts: DriftFacts): void {
    const reasons: string[] = [];
    if (facts.document.gitUnavailable) reasons.push(`stale-date is skipped in ${root}: ${facts.document.gitUnavailable}.`);
    if (facts.repository.manifests.length === 0) reasons.push(`unknown-dependency and version-mismatch are skipped in ${root}: it has no manifest.`);
    for (const note of this.store.notes(root)) reasons.push(`Repository checks in ${root}: ${note}.`);
    for (const reason of reasons) {
      if (this.said.has(reason)) continue;
      this.said.add(reason);
      this.options.note(`ArchDoc: ${reason}`);
    }
  }
}
