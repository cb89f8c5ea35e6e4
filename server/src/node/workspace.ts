/**
 * The policy's file access over Node's file system, for the language server and the CLI.
 * Only `file:` URIs are reachable; anything else does not exist here.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readRegularFile } from '../io/regularFile.ts';
import type { FileStat, PolicyWorkspace } from '../policy/index.ts';
import { normalizeUri } from '../policy/index.ts';

/** The file system path of a `file:` URI, or undefined for any other scheme. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The canonical `file:` URI of a path. */
export function pathToUri(file: string): string {
  return normalizeUri(pathToFileURL(file).href);
}

function kindOf(stat: { isFile(): boolean; isDirectory(): boolean }): FileStat['kind'] {
  return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
}

function required(uri: string): string {
  const file = uriToPath(uri);
  if (file === undefined) throw new Error(`${uri} is not a file on this machine`);
  return file;
}

export class NodeWorkspace implements PolicyWorkspace {
  readonly home = pathToUri(os.homedir());

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = uriToPath(uri);
    if (file === undefined) return undefined;
    try {
      const stat = await fs.stat(file);
      return { kind: kindOf(stat), size: stat.size };
    } catch {
      return undefined;
    }
  }

  async readFile(uri: string, maxBytes: number): Promise<Uint8Array> {
    const read = await readRegularFile(required(uri), maxBytes);
    if ('error' in read) throw new Error(read.error);
    return read.bytes;
  }

  async readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, FileStat['kind']]>> {
    const entries = await fs.readdir(required(uri), { withFileTypes: true });
    return entries.map((e) => [e.name, kindOf(e)] as const);
  }

  async realUri(uri: string): Promise<string> {
    const file = uriToPath(uri);
    if (file === undefined) return uri;
    try {
      return pathToUri(await fs.realpath(file));
    } catch {
      return uri;
    }
  }
}
