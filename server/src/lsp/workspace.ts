/**
 * Workspace folders and the paths of documents in them. Documents that are not files
 * (untitled buffers) have no path: they can only opt in by marker and use the bundled template.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file system path of a `file:` URI, or undefined for any other scheme. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** `child` is `parent` or lies beneath it. */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The workspace folders the client reported, as file system paths. */
export class WorkspaceFolders {
  private paths: string[] = [];

  set(uris: readonly string[]): void {
    this.paths = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  }

  change(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map(uriToPath));
    const kept = this.paths.filter((p) => !gone.has(p));
    this.paths = [...kept, ...added.map(uriToPath).filter((p): p is string => p !== undefined)];
  }

  /** The innermost folder holding `filePath`. */
  folderOf(filePath: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.paths) {
      if (isInside(folder, filePath) && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best;
  }
}

/** `filePath` relative to `folder` with forward slashes, for glob matching. */
export function relativePath(folder: string, filePath: string): string {
  return path.relative(folder, filePath).split(path.sep).join('/');
}
