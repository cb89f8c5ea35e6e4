/**
 * Document and template locations as URIs, never file system paths, so that the policy works
 * the same over Node's file system, VS Code's `workspace.fs` and a browser's virtual files.
 * vscode-uri does the parsing and the joining.
 */
import { URI, Utils } from 'vscode-uri';

/** The URI in one canonical spelling, so that two spellings of one file compare equal. */
export function normalizeUri(uri: string): string {
  return URI.parse(uri).toString();
}

/** The URI of the folder holding `uri`. */
export function parentOf(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

/** The last segment of the URI's path. */
export function basename(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

/** `relative` (forward or back slashes, `..` allowed) resolved against the folder `base`. */
export function joinUri(base: string, relative: string): string {
  return Utils.joinPath(URI.parse(base), ...relative.split(/[\\/]+/).filter((s) => s !== '')).toString();
}

/** The path of `uri` below `folder`, with forward slashes; undefined when it is not below it. */
export function relativeTo(folder: string, uri: string): string | undefined {
  const f = URI.parse(folder);
  const u = URI.parse(uri);
  if (f.scheme !== u.scheme || f.authority !== u.authority) return undefined;
  const root = f.path.endsWith('/') ? f.path : `${f.path}/`;
  if (u.path === f.path) return '';
  return u.path.startsWith(root) ? u.path.slice(root.length) : undefined;
}

/** Whether `uri` is `folder` or lies below it. */
export function isInside(folder: string, uri: string): boolean {
  return relativeTo(folder, uri) !== undefined;
}

/** The URI's path, for messages and for rules that look at the whole path. */
export function pathOf(uri: string): string {
  return URI.parse(uri).path;
}

const WINDOWS_ABSOLUTE = /^[a-z]:[\\/]/i;

/**
 * Where a configured path points: absolute paths as they are, `~/…` below the home folder
 * (when the host has one), anything else relative to `base`. Undefined when it cannot point
 * anywhere (a relative path with no base, `~` with no home).
 */
export function resolvePath(configured: string, base: string | undefined, home: string | undefined): string | undefined {
  if (configured === '~' || configured.startsWith('~/') || configured.startsWith('~\\')) {
    return home === undefined ? undefined : joinUri(home, configured.slice(1));
  }
  if (configured.startsWith('/') || WINDOWS_ABSOLUTE.test(configured) || configured.startsWith('\\\\')) return URI.file(configured).toString();
  return base === undefined ? undefined : joinUri(base, configured);
}
