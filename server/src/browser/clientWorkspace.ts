/**
 * The policy's file access in a browser: a Web Worker has no file system, so every read is a
 * request to the client (`archdoc/fs/*`), which answers from VS Code's `workspace.fs`, the
 * way vscode-yaml reads its schemas. Works for any file system the editor has (github.dev's,
 * vscode.dev's, an in-memory one); nothing is reached that the editor itself cannot reach.
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

  async readFile(uri: string): Promise<Uint8Array> {
    const { base64 } = await this.connection.sendRequest<FileReadResult>(FileReadRequest, { uri } satisfies FileParams);
    return base64ToBytes(base64);
  }

  async readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, FileStat['kind']]>> {
    return this.connection.sendRequest<DirectoryReadResult>(DirectoryReadRequest, { uri } satisfies FileParams);
  }
}
