/**
 * The connection to the ArchDoc language server (`dist/server.js`), which does all the
 * checking. The client only decides which documents the server sees and what it is told
 * about the workspace.
 */
import * as vscode from 'vscode';
import { ignoredTemplates } from './restrictedMode.ts';
import { traceChannel } from './traceChannel.ts';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';

/**
 * Markdown documents the server may see; the server itself decides which of them are
 * architecture documents (by name, by `archdoc.files`, or by an opt-in marker). Schemes
 * are listed so that the read-only bundled template (`archdoc-template:`) is never checked.
 */
export const DOCUMENT_SELECTOR = ['file', 'untitled', 'vscode-vfs'].map((scheme) => ({ scheme, language: 'markdown' }));

/** The options the server receives at initialization; recomputed at every (re)start. */
export interface InitializationOptions {
  /** Whether the workspace is trusted; when it is not, the server must not follow workspace-chosen template paths. */
  readonly trusted: boolean;
  /** VS Code's markdown support lists headings itself: the server's heading symbols would list each twice. */
  readonly documentSymbols: false;
  /** Per folder URI, the template the untrusted workspace's settings name; its documents are then not checked. */
  readonly ignoredTemplates: Record<string, string>;
}

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel, middleware: Middleware): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const trace = traceChannel(outputChannel);
  context.subscriptions.push(trace);
  // IPC keeps stdout free for the server's own logging and is what VS Code clients use by default.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    traceOutputChannel: trace,
    // Template files are watched at the server's request (dynamic registration), for exactly the templates in use.
    synchronize: { configurationSection: 'archdoc' },
    // A function, so that a restart after trust is granted tells the server the new state.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, documentSymbols: false, ignoredTemplates: ignoredTemplates() }),
    middleware,
    // The default error handler restarts a crashed server (up to 4 times in 3 minutes); on
    // restart the client reopens every document, so the server publishes diagnostics again.
    connectionOptions: { maxRestartCount: 4 },
  };
  return new LanguageClient('archdoc', 'ArchDoc Language Server', serverOptions, clientOptions);
}
