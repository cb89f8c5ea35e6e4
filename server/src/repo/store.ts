/**
 * Repository facts per root, for the server, the CLI and the browser: the first request scans,
 * later ones get the cached facts, and file changes update the scan one file at a time. Git
 * facts are cached per document until it is saved or changes on disk. Nothing here runs on a
 * keystroke: `peek` hands out what is cached without any I/O. Roots and documents are URIs,
 * and nothing here needs Node: the host supplies the file access and, where it can run git,
 * the git facts.
 */
import type { DocumentFacts, DriftFacts, RepositoryFacts } from '../core/index.ts';
import { basename, relativeTo } from '../policy/uri.ts';
import type { FileAccess } from './fileAccess.ts';
import { RepositoryScan, type ScanOptions } from './scan.ts';

/** What git knows about a document. */
export interface GitFacts {
  readonly lastCommit?: string;
  readonly uncommitted?: boolean;
  /** Why there are no git facts. */
  readonly unavailable?: string;
}

/** Git facts by URI, cached by the source until `forget`. */
export interface GitSource {
  of(rootUri: string, documentUri: string): Promise<GitFacts>;
  forget(documentUri?: string): void;
}

export interface FactsStoreOptions {
  readonly access: FileAccess;
  readonly scan?: ScanOptions;
  /** Git facts; absent where git cannot or may not run. */
  readonly git?: GitSource;
  /** Why there are no git facts, when `git` is absent. */
  readonly gitUnavailable?: string;
}

/** A repository to gather from: its root URI and the paths its config leaves out. */
export interface RootSpec {
  readonly uri: string;
  readonly ignore?: readonly string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export class RepositoryFactsStore {
  private readonly scans = new Map<string, { ignore: readonly string[]; scan: Promise<RepositoryScan> }>();
  private readonly settled = new Map<string, RepositoryScan>();
  /** Updates per root run one after another, so a scan is never updated by two changes at once. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly documents = new Map<string, DocumentFacts>();

  constructor(private readonly options: FactsStoreOptions) {}

  /** The scan of a root, started on first use, and again when its ignore list changed. */
  scan(root: RootSpec | string): Promise<RepositoryScan> {
    const { uri, ignore = [] } = typeof root === 'string' ? { uri: root } : root;
    const known = this.scans.get(uri);
    if (known && sameList(known.ignore, ignore)) return known.scan;
    const scan = RepositoryScan.scan(uri, this.options.access, { ...this.options.scan, ignore: [...(this.options.scan?.ignore ?? []), ...ignore] });
    this.scans.set(uri, { ignore, scan });
    scan.then(
      (s) => {
        if (this.scans.get(uri)?.scan === scan) this.settled.set(uri, s);
      },
      () => {
        if (this.scans.get(uri)?.scan === scan) this.scans.delete(uri);
      },
    );
    return scan;
  }

  /** The facts of a document in a root: the repository's and git's, gathered if need be. */
  async gather(root: RootSpec | string, documentUri: string): Promise<DriftFacts> {
    const uri = typeof root === 'string' ? root : root.uri;
    const scan = await this.scan(root);
    await this.queues.get(uri);
    return { repository: scan.facts(), document: await this.documentFacts(uri, documentUri) };
  }

  /** What is cached for a document, with no I/O; undefined until it has been gathered. */
  peek(rootUri: string, documentUri: string): DriftFacts | undefined {
    const scan = this.settled.get(rootUri);
    const document = this.documents.get(documentUri);
    return scan && document ? { repository: scan.facts(), document } : undefined;
  }

  /** The notes of the root's scan: what was skipped, and why. */
  notes(rootUri: string): readonly string[] {
    return this.settled.get(rootUri)?.notes ?? [];
  }

  async documentFacts(rootUri: string, documentUri: string): Promise<DocumentFacts> {
    const path = relativeTo(rootUri, documentUri) ?? basename(documentUri);
    let facts: DocumentFacts;
    if (!this.options.git) facts = { path, gitUnavailable: this.options.gitUnavailable ?? 'git is not available here' };
    else {
      const git = await this.options.git.of(rootUri, documentUri);
      facts = { path, lastCommit: git.lastCommit, uncommitted: git.uncommitted, gitUnavailable: git.unavailable };
    }
    this.documents.set(documentUri, facts);
    return facts;
  }

  /**
   * Files changed (by URI): each scanned root that holds one is updated, and a document's git
   * facts are read again. Resolves with the roots whose facts changed.
   */
  async changed(uris: readonly string[]): Promise<string[]> {
    const roots: string[] = [];
    for (const root of this.scans.keys()) {
      const relative = uris.map((u) => relativeTo(root, u)).filter((r): r is string => r !== undefined && !r.startsWith('.git/') && r !== '.git');
      if (relative.length === 0) continue;
      roots.push(root);
      const previous = this.queues.get(root) ?? Promise.resolve();
      const next = previous.then(async () => (await this.scan({ uri: root, ignore: this.scans.get(root)?.ignore })).update(relative));
      this.queues.set(root, next.catch(() => undefined));
      await next;
    }
    // The document facts already handed out stay until they are gathered again, so findings don't flicker.
    for (const uri of uris) this.options.git?.forget(uri);
    return roots;
  }

  /** Facts of a root, for tests and benchmarks. */
  cached(rootUri: string): RepositoryFacts | undefined {
    return this.settled.get(rootUri)?.facts();
  }

  forgetAll(): void {
    this.scans.clear();
    this.settled.clear();
    this.documents.clear();
    this.options.git?.forget();
  }
}
