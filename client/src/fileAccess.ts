/**
 * Answers the server's file requests from `workspace.fs`, so that the language server in a
 * Web Worker reads templates and config files on whatever file system the workspace lives
 * on (github.dev's, vscode.dev's, an in-memory one). A file that is not there is `null`, not
 * an error; other failures are errors the server reports.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  bytesToBase64,
  DirectoryReadRequest,
  FileReadRequest,
  FileStatRequest,
  type DirectoryReadResult,
  type FileKind,
  type FileParams,
  type FileReadParams,
  type FileReadResult,
  type FileStatResult,
} from '../../server/src/protocol.ts';

export function serveFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(FileStatRequest, async ({ uri }: FileParams): Promise<FileStatResult> => {
      try {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
        return { kind: kindOf(stat.type), size: stat.size };
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return null;
        throw error;
      }
    }),
    client.onRequest(FileReadRequest, async ({ uri, maxBytes }: FileReadParams): Promise<FileReadResult> => {
      const file = vscode.Uri.parse(uri);
      const stat = await vscode.workspace.fs.stat(file);
      // The messages complete a sentence that starts with the file's name, as the server reports them.
      if (kindOf(stat.type) !== 'file') throw new Error('is not a regular file');
      if (stat.size > maxBytes) throw new Error(`is larger than the limit of ${maxBytes} bytes`);
      const bytes = await vscode.workspace.fs.readFile(file);
      if (bytes.length > maxBytes) throw new Error(`is larger than the limit of ${maxBytes} bytes`);
      return { base64: bytesToBase64(bytes) };
    }),
    client.onRequest(DirectoryReadRequest, async ({ uri }: FileParams): Promise<DirectoryReadResult> => {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri));
      // In a listing a link is `other`, whatever it points to: the repository scan never follows one (a loop, a way out of the root).
      return entries.map(([name, type]) => [name, type & vscode.FileType.SymbolicLink ? 'other' : kindOf(type)] as const);
    }),
  ];
}

function kindOf(type: vscode.FileType): FileKind {
  // A symbolic link is reported with the kind of its target or'ed in.
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}
