/**
 * The one way the policy reaches files. Each host implements it: Node's file system for the
 * language server and the CLI, `workspace.fs` in a browser. Everything is addressed by URI.
 */

/** What the policy needs to know about a file before reading it. */
export interface FileStat {
  readonly kind: 'file' | 'directory' | 'other';
  /** Size in bytes. */
  readonly size: number;
}

export interface PolicyWorkspace {
  /** The file's kind and size; undefined when nothing is there (or it cannot be seen). */
  stat(uri: string): Promise<FileStat | undefined>;
  /** The file's bytes. Rejects when it cannot be read. */
  readFile(uri: string): Promise<Uint8Array>;
  /** Names and kinds of a folder's entries; used to find the bundled templates. */
  readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, FileStat['kind']]>>;
  /** The URI with symbolic links resolved, so that a link cannot lead a template outside the workspace. */
  realUri?(uri: string): Promise<string>;
  /** The folder `~` stands for in configured paths; undefined where there is none (a browser). */
  readonly home?: string;
}

/** Bytes as text; undefined when they are not UTF-8 text (NUL bytes or invalid sequences). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
