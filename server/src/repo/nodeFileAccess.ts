/** The scanner's file access over node:fs, for the server and the CLI: links are reported as links, never followed. */
import { promises as fs } from 'node:fs';
import { URI } from 'vscode-uri';
import type { EntryKind, FileAccess } from './fileAccess.ts';

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
