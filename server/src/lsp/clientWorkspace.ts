/**
 * The policy's file access through the client: every read is a request (`archdoc/fs/*`),
 * which the VS Code client answers from `workspace.fs`, the way vscode-yaml reads its schemas.
 * In a browser's Web Worker this is the only file access; the Node server uses it for
 * files that are not on its disk (a virtual workspace such as GitHub Repositories'). Works for
 * any file system the editor has; nothing is reached that the editor itself cannot reach.
 */
import type { Connection } from 'vscode-languageserver';
import type { FileStat, PolicyWorkspace } from '../policy/index.ts';
import {
  base64ToBytes,
  DirectoryReadRequest,
  FileReadRequest,
  FileStatRequest,
  type DirectoryReadResult,
  type FileParams,
  type FileReadParams,
  type FileReadResult,
  type FileStatResult,
} from '../protocol.ts';

export class ClientWorkspace implements PolicyWorkspace {
  constructor(private readonly connection: Connection) {}

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const stat = await this.connection.sendRequest<FileStatResult>(FileStatRequest, { uri } satisfies FileParams);
      return stat ?? undefined;
    } catch {
      // The policy treats what cannot be seen as absent; reading it would fail with the reason.
      return undefined;
    }
  }

  async readFile(uri: string, maxBytes: number): Promise<Uint8Array> {
    let read: FileReadResult;
    try {
      read = await this.connection.sendRequest<FileReadResult>(FileReadRequest, { uri, maxBytes } satisfies FileReadParams);
    } catch (error) {
      // The client's message completes a sentence that starts with the file's name.
      throw new Error(error instanceof Error ? error.message : `cannot be read (${String(error)})`, { cause: error });
    }
    const bytes = base64ToBytes(read.base64);
    if (bytes.length > maxBytes) throw new Error(`is larger than the limit of ${maxBytes} bytes`);
    return bytes;
  }

  async readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, FileStat['kind']]>> {
    return this.connection.sendRequest<DirectoryReadResult>(DirectoryReadRequest, { uri } satisfies FileParams);
  }
}

/**
 * `file:` URIs from `local` (the disk), everything else from `remote` (the client). A client
 * that does not answer the requests (another editor) leaves non-file URIs unreadable, as before.
 */
export class SchemeWorkspace implements PolicyWorkspace {
  readonly home: string | undefined;

  constructor(
    private readonly local: PolicyWorkspace,
    private readonly remote: PolicyWorkspace,
  ) {
    this.home = local.home;
  }

  stat(uri: string): Promise<FileStat | undefined> {
    return this.pick(uri).stat(uri);
  }

  readFile(uri: string, maxBytes: number): Promise<Uint8Array> {
    return this.pick(uri).readFile(uri, maxBytes);
  }

  readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, FileStat['kind']]>> {
    return this.pick(uri).readDirectory(uri);
  }

  async realUri(uri: string): Promise<string> {
    return uri.startsWith('file:') && this.local.realUri ? this.local.realUri(uri) : uri;
  }

  private pick(uri: string): PolicyWorkspace {
    return uri.startsWith('file:') ? this.local : this.remote;
  }
}
