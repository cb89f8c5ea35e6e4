/**
 * The ArchDoc language server as a Node process: LSP messages in, core features out (the
 * handlers are in lsp/serve.ts, shared with the browser build), templates and config files
 * read from the disk.
 *
 * Run as `node dist/server.js --stdio` (or `--node-ipc`, `--socket=<port>`); with no
 * transport argument it speaks over stdio.
 */
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serve } from './lsp/serve.ts';
import { ArchdocService } from './lsp/service.ts';
import { bundledTemplateFolder } from './node/bundled.ts';
import { nodeHost } from './node/host.ts';

function connect() {
  const transport = process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(arg));
  return transport ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
}

function main(): void {
  const connection = connect();
  const documents = new TextDocuments(TextDocument);
  serve(connection, documents, new ArchdocService(connection, documents, nodeHost(connection, bundledTemplateFolder(__dirname))));
}

main();
