/**
 * Repository facts for open documents, kept off the keystroke path: facts are gathered when a
 * document opens, when it is saved and when watched files change, and a check only ever reads
 * what is cached (`factsFor`). When new facts arrive, the documents of that repository are
 * checked again through `recheck`.
 */
import type { DriftFacts } from '../core/index.ts';
import { findRepositoryRoot } from '../repo/root.ts';
import { RepositoryFactsStore } from '../repo/store.ts';
import { uriToPath } from '../node/workspace.ts';

/** Where a file's workspace folder is, as a file system path. */
export interface FolderLookup {
  folderOf(file: string): string | undefined;
}

export interface RepositoryFactsOptions {
  readonly folders: FolderLookup;
  readonly trusted: boolean;
  /** Checks the document again (its facts changed). */
  readonly recheck: (uri: string) => void;
  /** Says something once, in the server's log. */
  readonly note: (message: string) => void;
}

export class RepositoryFacts {
  private readonly store: RepositoryFactsStore;
  private readonly roots = new Map<string, Promise<string | undefined>>();
  /** Open documents by URI, with their root once known. */
  private readonly open = new Map<string, string | undefined>();
  private readonly said = new Set<string>();

  constructor(private readonly options: RepositoryFactsOptions) {
    this.store = new RepositoryFactsStore({ git: options.trusted });
  }

  /** The cached facts of an open document, without any I/O; undefined until they are gathered. */
  factsFor(uri: string): DriftFacts | undefined {
    const root = this.open.get(uri);
    const file = uriToPath(uri);
    return root === undefined || file === undefined ? undefined : this.store.peek(root, file);
  }

  /** A document opened or was saved: gather (or refresh) its facts, then check it again. */
  async refresh(uri: string, saved = false): Promise<void> {
    const file = uriToPath(uri);
    if (file === undefined) return;
    if (!this.open.has(uri)) this.open.set(uri, undefined);
    const root = await this.rootOf(file);
    // A document in no repository (no folder open, no git, no configuration) is checked against its template only.
    if (root === undefined) return;
    this.open.set(uri, root);
    if (saved) await this.store.changed([file]);
    const facts = await this.store.gather(root, file);
    this.explain(root, facts);
    if (this.open.has(uri)) this.options.recheck(uri);
  }

  closed(uri: string): void {
    this.open.delete(uri);
  }

  /** Files changed on disk: update the scans holding them and check their documents again. */
  async filesChanged(files: readonly string[]): Promise<void> {
    if (files.length === 0) return;
    const roots = new Set(await this.store.changed(files));
    for (const [uri, root] of this.open) {
      const file = uriToPath(uri);
      if (root === undefined || file === undefined || !roots.has(root)) continue;
      await this.store.documentFacts(root, file);
      this.options.recheck(uri);
    }
  }

  private rootOf(file: string): Promise<string | undefined> {
    let root = this.roots.get(file);
    if (!root) {
      root = findRepositoryRoot(file, this.options.folders.folderOf(file), this.options.trusted);
      this.roots.set(file, root);
    }
    return root;
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
