/**
 * The ArchDoc language server in a browser's Web Worker (VS Code for the Web: vscode.dev,
 * github.dev): the same handlers, service, engine and policy as the Node server, speaking
 * through `postMessage`, with files read through the client (browser/host.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, TextDocuments } from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { browserHost } from './browser/host.ts';
import { serve } from './lsp/serve.ts';
import { ArchdocService } from './lsp/service.ts';

/** The worker's global scope, where messages from the client arrive; typed loosely, as the project's type library is Node's. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

function main(): void {
  const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
  const documents = new TextDocuments(TextDocument);
  serve(connection, documents, new ArchdocService(connection, documents, browserHost(connection)));
}

main();
