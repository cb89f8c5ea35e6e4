/**
 * The one way the policy reaches files. Each host implements it: Node's file system for the
 * language server and the CLI, `workspace.fs` in a browser. Everything is addressed by URI.
 */
import { decodeText } from '../core/index.ts';

/** What the policy needs to know about a file before reading it. */
export interface FileStat {
  readonly kind: 'file' | 'directory' | 'other';
  /** Size in bytes. */
  readonly size: number;
}

export interface PolicyWorkspace {
  /** The file's kind and size; undefined when nothing is there (or it cannot be seen). */
  stat(uri: string): Promise<FileStat | undefined>;
  /**
   * The file's bytes, at most `maxBytes` of them. Rejects when it is not a regular file, is
   * larger, or cannot be read, with a message that completes a sentence starting with its name.
   */
  readFile(uri: string, maxBytes: number): Promise<Uint8Array>;
  /** Names and kinds of a folder's entries; used to find the bundled templates. */
  readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, FileStat['kind']]>>;
  /** The URI with symbolic links resolved, so that a link cannot lead a template outside the workspace. */
  realUri?(uri: string): Promise<string>;
  /** The folder `~` stands for in configured paths; undefined where there is none (a browser). */
  readonly home?: string;
}

/** Reads a file as UTF-8 text, by the core's one decoding rule; `error` completes a sentence that starts with its name. */
export async function readTextFile(workspace: PolicyWorkspace, uri: string, maxBytes: number): Promise<{ text: string } | { error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await workspace.readFile(uri, maxBytes);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  return decodeText(bytes);
}
