/**
 * Repository facts per root, for the server and the CLI: the first request scans, later ones
 * get the cached facts, and file changes update the scan one file at a time. Git facts are
 * cached per document until it is saved or changes on disk. Nothing here runs on a keystroke:
 * `peek` hands out what is cached without any I/O.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentFacts, DriftFacts, RepositoryFacts } from '../core/index.ts';
import { nodeFileAccess, type FileAccess } from './fileAccess.ts';
import { GitDates } from './git.ts';
import { RepositoryScan, type ScanOptions } from './scan.ts';

export interface FactsStoreOptions {
  readonly access?: FileAccess;
  readonly scan?: ScanOptions;
  /** Whether git may run (not in a restricted workspace, where the repository's own git configuration is not trusted). */
  readonly git?: boolean;
}

function relativeTo(root: string, file: string): string | undefined {
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

export class RepositoryFactsStore {
  private readonly scans = new Map<string, Promise<RepositoryScan>>();
  private readonly settled = new Map<string, RepositoryScan>();
  /** Updates per root run one after another, so a scan is never updated by two changes at once. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly git = new GitDates();
  private readonly documents = new Map<string, DocumentFacts>();
  private readonly access: FileAccess;

  constructor(private readonly options: FactsStoreOptions = {}) {
    this.access = options.access ?? nodeFileAccess();
  }

  /** The scan of `root`, started on first use. */
  scan(root: string): Promise<RepositoryScan> {
    let scan = this.scans.get(root);
    if (!scan) {
      scan = RepositoryScan.scan(pathToFileURL(root).href, this.access, this.options.scan);
      this.scans.set(root, scan);
      scan.then(
        (s) => this.settled.set(root, s),
        () => this.scans.delete(root),
      );
    }
    return scan;
  }

  /** The facts of a document in `root`: the repository's and git's, gathered if need be. */
  async gather(root: string, documentPath: string): Promise<DriftFacts> {
    const scan = await this.scan(root);
    await this.queues.get(root);
    return { repository: scan.facts(), document: await this.documentFacts(root, documentPath) };
  }

  /** What is cached for a document, with no I/O; undefined until it has been gathered. */
  peek(root: string, documentPath: string): DriftFacts | undefined {
    const scan = this.settled.get(root);
    const document = this.documents.get(documentPath);
    return scan && document ? { repository: scan.facts(), document } : undefined;
  }

  /** The notes of the root's scan: what was skipped, and why. */
  notes(root: string): readonly string[] {
    return this.settled.get(root)?.notes ?? [];
  }

  async documentFacts(root: string, documentPath: string): Promise<DocumentFacts> {
    const relative = relativeTo(root, documentPath) ?? path.basename(documentPath);
    let facts: DocumentFacts;
    if (this.options.git === false) facts = { path: relative, gitUnavailable: 'git is not run in a restricted workspace' };
    else {
      const git = await this.git.of(root, documentPath);
      facts = { path: relative, lastCommit: git.lastCommit, uncommitted: git.uncommitted, gitUnavailable: git.unavailable };
    }
    this.documents.set(documentPath, facts);
    return facts;
  }

  /**
   * Files changed on disk (absolute paths): each scanned root that holds one is updated, and a
   * document's git facts are read again. Resolves with the roots whose facts changed.
   */
  async changed(files: readonly string[]): Promise<string[]> {
    const roots: string[] = [];
    for (const root of this.scans.keys()) {
      const relative = files.map((f) => relativeTo(root, f)).filter((r): r is string => r !== undefined && !r.startsWith('.git/') && r !== '.git');
      if (relative.length === 0) continue;
      roots.push(root);
      const previous = this.queues.get(root) ?? Promise.resolve();
      const next = previous.then(async () => (await this.scan(root)).update(relative));
      this.queues.set(root, next.catch(() => undefined));
      await next;
    }
    // The document facts already handed out stay until they are gathered again, so findings don't flicker.
    for (const file of files) this.git.forget(file);
    return roots;
  }

  /** Facts of every root, for tests and benchmarks. */
  cached(root: string): RepositoryFacts | undefined {
    return this.settled.get(root)?.facts();
  }

  forgetAll(): void {
    this.scans.clear();
    this.settled.clear();
    this.documents.clear();
    this.git.forget();
  }
}
