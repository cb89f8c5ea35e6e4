/**
 * The file access the repository scanner needs, by URI, so that another host (a browser, a
 * virtual file system) can supply its own. `nodeFileAccess` implements it over node:fs.
 */
import { promises as fs } from 'node:fs';
import { URI, Utils } from 'vscode-uri';

export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface DirectoryEntry {
  readonly name: string;
  /** What the entry itself is: a symbolic link is reported as `symlink`, never as what it points to. */
  readonly kind: EntryKind;
}

export interface FileAccess {
  /** The entries of a directory; rejects when it cannot be read. */
  list(uri: string): Promise<DirectoryEntry[]>;
  /** A file's bytes, or undefined when it is larger than `maxBytes`, gone or unreadable. */
  read(uri: string, maxBytes: number): Promise<Uint8Array | undefined>;
}

export function joinUri(base: string, relative: string): string {
  return relative === '' ? base : Utils.joinPath(URI.parse(base), relative).toString();
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isDirectory()) return 'directory';
  return entry.isFile() ? 'file' : 'other';
}

export function nodeFileAccess(): FileAccess {
  return {
    async list(uri) {
      const entries = await fs.readdir(URI.parse(uri).fsPath, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, kind: kindOf(e) }));
    },
    async read(uri, maxBytes) {
      const file = URI.parse(uri).fsPath;
      try {
        // lstat: a link that was a file when listed and is a link now is not followed either.
        const stat = await fs.lstat(file);
        if (!stat.isFile() || stat.size > maxBytes) return undefined;
        return await fs.readFile(file);
      } catch {
        return undefined;
      }
    },
  };
}
