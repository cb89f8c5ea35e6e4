/**
 * The connection to the ArchDoc language server (`dist/server.js`, a Node process), which
 * does all the checking. The client only decides which documents the server sees and what
 * it is told about the workspace (see clientOptions.ts).
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, type ClientExtras } from './clientOptions.ts';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel, extras: ClientExtras): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // IPC keeps stdout free for the server's own logging and is what VS Code clients use by default.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return new LanguageClient('archdoc', 'ArchDoc Language Server', serverOptions, clientOptions(outputChannel, extras));
}
