/**
 * Walks a repository and collects what the repository checks need: its directories and files
 * (`.gitignore` respected, dot-folders, nested repositories and symbolic links recorded but
 * never entered), the environment variables its code reads, the names `.env.example` lists, and
 * its manifests and lockfiles. The walk yields to the event loop every few entries, so a large
 * repository never blocks a server; huge, unreadable or binary files are skipped.
 *
 * A scan is kept and updated file by file (`update`), so a change costs one file, not a walk.
 */
import ignore, { type Ignore } from 'ignore';
import type { RepositoryFacts } from '../core/index.ts';
import { CODE_EXTENSIONS, envExampleNames, envReadsIn, isEnvExample } from './envReads.ts';
import { joinUri, type FileAccess } from './fileAccess.ts';
import { isLockfile, parseLockfile } from './lockfiles.ts';
import { isManifest, parseManifest, type ManifestFacts } from './manifests.ts';
import { buildFacts, type FileFacts } from './aggregate.ts';
import { yieldToLoop } from './yieldToLoop.ts';

export interface ScanOptions {
  /** More paths to leave out, in .gitignore syntax (the configuration's ignore list). */
  readonly ignore?: readonly string[];
  /** Entries after which the walk stops (and says so). */
  readonly maxEntries?: number;
  /** Code and manifest files larger than this are skipped. */
  readonly maxFileBytes?: number;
  /** Lockfiles larger than this are skipped. */
  readonly maxLockBytes?: number;
}

const ALWAYS_EXCLUDED = new Set(['node_modules', '__pycache__']);
/** A folder holding one of these is a repository of its own, checked on its own. */
const NESTED_ROOT_MARKERS = ['.git', '.archdoc.jsonc'];
const YIELD_EVERY = 256;
const READ_BATCH = 32;

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Whether a file's content is read, and with which size limit. */
function readLimit(name: string, options: Required<ScanOptions>): number | undefined {
  if (isLockfile(name)) return options.maxLockBytes;
  if (isManifest(name) || isEnvExample(name) || CODE_EXTENSIONS.has(extensionOf(name))) return options.maxFileBytes;
  return undefined;
}

export class RepositoryScan {
  private readonly directories = new Set<string>();
  private readonly files = new Set<string>();
  private readonly excluded = new Set<string>();
  private readonly perFile = new Map<string, FileFacts>();
  private readonly ignores = new Map<string, Ignore>();
  /** Each folder's `.gitignore` text, handed to the checks: an ignored path (`dist/`) may be absent and still be real. */
  private readonly gitignores = new Map<string, string>();
  private readonly options: Required<ScanOptions>;
  private cached: RepositoryFacts | undefined;
  /** Things skipped, said once each: huge files, unreadable folders, a walk cut short. */
  readonly notes: string[] = [];
  private entries = 0;

  private constructor(
    readonly rootUri: string,
    readonly rootName: string,
    private readonly access: FileAccess,
    options: ScanOptions,
  ) {
    this.options = { ignore: [], maxEntries: 200_000, maxFileBytes: 1_000_000, maxLockBytes: 20_000_000, ...options };
    if (this.options.ignore.length) this.ignores.set('', ignore().add([...this.options.ignore]));
  }

  static async scan(rootUri: string, access: FileAccess, options: ScanOptions = {}): Promise<RepositoryScan> {
    const name = decodeURIComponent(rootUri.split('/').filter(Boolean).pop() ?? '');
    const scan = new RepositoryScan(rootUri, name, access, options);
    await scan.walk('');
    return scan;
  }

  facts(): RepositoryFacts {
    this.cached ??= buildFacts(this.rootName, this.directories, this.files, this.excluded, this.perFile, this.gitignores);
    return this.cached;
  }

  /**
   * Takes changed paths (created, changed or deleted; relative to the root) into account.
   * A changed `.gitignore` or a path the scan never saw under a known folder is walked again.
   */
  async update(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      if (path === '' || path.startsWith('../')) continue;
      this.cached = undefined;
      if (baseName(path) === '.gitignore') {
        await this.rewalk(parentOf(path));
        continue;
      }
      if (this.isExcluded(path)) continue;
      const kind = await this.kindOf(path);
      this.forget(path);
      if (kind !== undefined && this.leftOut(path, kind)) this.excluded.add(path);
      else if (kind === 'directory') await this.walk(path, true);
      else if (kind === 'file') {
        this.addParents(path);
        this.files.add(path);
        await this.readFiles([path]);
      }
    }
  }

  private async rewalk(dir: string): Promise<void> {
    this.forget(dir, dir === '');
    if (dir === '') {
      this.ignores.clear();
      this.gitignores.clear();
      if (this.options.ignore.length) this.ignores.set('', ignore().add([...this.options.ignore]));
    }
    await this.walk(dir, dir !== '');
  }

  /** What a path is now, from its parent's listing. */
  private async kindOf(path: string): Promise<string | undefined> {
    const entries = await this.access.list(joinUri(this.rootUri, parentOf(path))).catch(() => []);
    return entries.find((e) => e.name === baseName(path))?.kind;
  }

  private isExcluded(path: string): boolean {
    for (let p = path; p !== ''; p = parentOf(p)) if (this.excluded.has(p)) return true;
    return false;
  }

  private addParents(path: string): void {
    for (let p = parentOf(path); p !== '' && !this.directories.has(p); p = parentOf(p)) this.directories.add(p);
  }

  /** Drops everything known about `path` and what lies under it; with `keepSelf`, the folder itself stays. */
  private forget(path: string, keepSelf = false): void {
    const prefix = path === '' ? '' : `${path}/`;
    const under = (p: string): boolean => p.startsWith(prefix) || (!keepSelf && p === path);
    for (const set of [this.directories, this.files, this.excluded]) for (const p of [...set]) if (under(p)) set.delete(p);
    for (const p of [...this.perFile.keys()]) if (under(p)) this.perFile.delete(p);
    for (const p of [...this.ignores.keys()]) if (p !== '' && under(p)) this.ignores.delete(p);
    for (const p of [...this.gitignores.keys()]) if (p !== '' && under(p)) this.gitignores.delete(p);
  }

  private ignored(path: string, dir: boolean): boolean {
    for (let base = parentOf(path); ; base = parentOf(base)) {
      const matcher = this.ignores.get(base);
      const relative = base === '' ? path : path.slice(base.length + 1);
      if (matcher?.ignores(dir ? `${relative}/` : relative)) return true;
      if (base === '') return false;
    }
  }

  /** Links, special files, dot-folders, dependency folders and ignored paths: known to exist, never entered. */
  private leftOut(path: string, kind: string): boolean {
    const name = baseName(path);
    if (kind === 'symlink' || kind === 'other') return true;
    if (kind === 'directory' && (name.startsWith('.') || ALWAYS_EXCLUDED.has(name))) return true;
    return this.ignored(path, kind === 'directory');
  }

  private async walk(start: string, addSelf = false): Promise<void> {
    if (addSelf) {
      this.addParents(start);
      this.directories.add(start);
    }
    const pending = [start];
    const toRead: string[] = [];
    while (pending.length) {
      const dir = pending.pop() as string;
      let entries;
      try {
        entries = await this.access.list(joinUri(this.rootUri, dir));
      } catch (error) {
        this.notes.push(`${dir || '.'}: folder skipped, it cannot be read (${(error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error))})`);
        continue;
      }
      if (dir !== '' && entries.some((e) => NESTED_ROOT_MARKERS.includes(e.name))) {
        // Another repository inside this one (a submodule, a fixture with its own configuration).
        this.directories.delete(dir);
        this.excluded.add(dir);
        continue;
      }
      const gitignore = entries.find((e) => e.name === '.gitignore' && e.kind === 'file');
      if (gitignore) await this.loadIgnore(dir);
      for (const entry of entries) {
        if (++this.entries > this.options.maxEntries) {
          this.notes.push(`the scan stopped after ${this.options.maxEntries} entries; paths beyond them are not checked`);
          return;
        }
        if (this.entries % YIELD_EVERY === 0) await yieldToLoop();
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        const isDir = entry.kind === 'directory';
        if (this.leftOut(path, entry.kind)) {
          // It exists, so a document may name it, but it is not walked, read or required to be documented.
          this.excluded.add(path);
          continue;
        }
        if (isDir) {
          this.directories.add(path);
          pending.push(path);
        } else {
          this.files.add(path);
          if (readLimit(entry.name, this.options) !== undefined) toRead.push(path);
        }
      }
    }
    await this.readFiles(toRead);
  }

  private async loadIgnore(dir: string): Promise<void> {
    const bytes = await this.access.read(joinUri(this.rootUri, dir === '' ? '.gitignore' : `${dir}/.gitignore`), this.options.maxFileBytes);
    if (!bytes) return;
    const matcher = this.ignores.get(dir) ?? ignore();
    const text = new TextDecoder().decode(bytes);
    matcher.add(text);
    this.gitignores.set(dir, text);
    this.ignores.set(dir, matcher);
  }

  private async readFiles(paths: readonly string[]): Promise<void> {
    for (let i = 0; i < paths.length; i += READ_BATCH) {
      await Promise.all(paths.slice(i, i + READ_BATCH).map((p) => this.readOne(p)));
      await yieldToLoop();
    }
  }

  private async readOne(path: string): Promise<void> {
    const name = baseName(path);
    const limit = readLimit(name, this.options);
    if (limit === undefined) return;
    const bytes = await this.access.read(joinUri(this.rootUri, path), limit);
    if (!bytes) {
      this.notes.push(`${path}: skipped, larger than ${limit} bytes or unreadable`);
      return;
    }
    if (bytes.subarray(0, 8192).includes(0)) return;
    const text = new TextDecoder().decode(bytes);
    const facts: { -readonly [K in keyof FileFacts]: FileFacts[K] } = {};
    if (isLockfile(name)) facts.lock = parseLockfile(name, text);
    else if (isManifest(name)) {
      const manifest: ManifestFacts = parseManifest(name, path, text);
      if (manifest.error) this.notes.push(`${manifest.error}; its dependencies are not checked`);
      facts.manifest = manifest;
    } else if (isEnvExample(name)) facts.examples = envExampleNames(text);
    else {
      const env = envReadsIn(text);
      if (env.reads.length) facts.reads = env.reads;
      if (env.mentions.length) facts.mentions = env.mentions;
    }
    if (Object.keys(facts).length) this.perFile.set(path, facts);
  }
}
