/** A workspace held in memory, for policy tests: files by URI, folders implied by their paths. */
import type { FileStat, PolicyWorkspace } from '../../server/src/policy/index.ts';

export class MemoryWorkspace implements PolicyWorkspace {
  readonly files = new Map<string, Uint8Array>();
  /** URIs read so far, in order, to assert what the policy touched. */
  readonly reads: string[] = [];

  constructor(
    files: Record<string, string | Uint8Array> = {},
    readonly home: string | undefined = 'file:///home/me',
  ) {
    for (const [uri, text] of Object.entries(files)) this.write(uri, text);
  }

  write(uri: string, text: string | Uint8Array): void {
    this.files.set(uri, typeof text === 'string' ? new TextEncoder().encode(text) : text);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = this.files.get(uri);
    if (file) return { kind: 'file', size: file.length };
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    return [...this.files.keys()].some((k) => k.startsWith(prefix)) ? { kind: 'directory', size: 0 } : undefined;
  }

  async readFile(uri: string, maxBytes: number): Promise<Uint8Array> {
    this.reads.push(uri);
    const file = this.files.get(uri);
    if (!file) throw new Error('no such file');
    if (file.length > maxBytes) throw new Error(`is larger than the limit of ${maxBytes} bytes`);
    return file;
  }

  async readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, FileStat['kind']]>> {
    const prefix = `${uri}/`;
    const names = new Map<string, FileStat['kind']>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const [first, ...rest] = key.slice(prefix.length).split('/');
      names.set(first, rest.length > 0 ? 'directory' : 'file');
    }
    return [...names];
  }
}
