/**
 * The file access the repository scanner needs, by URI, so that every host supplies its own:
 * Node's file system (nodeFileAccess.ts) for the server and the CLI, the editor's file system
 * through the client in a browser (`workspaceFileAccess`). Nothing here needs Node.
 */
import { URI, Utils } from 'vscode-uri';
import type { PolicyWorkspace } from '../policy/workspace.ts';

export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface DirectoryEntry {
  readonly name: string;
  /** What the entry itself is: a symbolic link is reported as `symlink` (or `other`), never as what it points to. */
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

/**
 * The scanner's file access over the policy's (the client's `workspace.fs` in a browser). The
 * client reports a symbolic link in a listing as `other`, so that it is known to exist and
 * never entered, as on the disk.
 */
export function workspaceFileAccess(workspace: PolicyWorkspace): FileAccess {
  return {
    async list(uri) {
      const entries = await workspace.readDirectory(uri);
      return entries.map(([name, kind]) => ({ name, kind }));
    },
    async read(uri, maxBytes) {
      try {
        return await workspace.readFile(uri, maxBytes);
      } catch {
        return undefined;
      }
    },
  };
}
