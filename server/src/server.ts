/**
 * The ArchDoc language server: LSP messages in, core features out. Each handler gets the
 * analysed document from the service, calls one pure feature and returns its result; the
 * guard logs failures and answers them with an empty result.
 *
 * Run as `node dist/server.js --stdio` (or `--node-ipc`, `--socket=<port>`); with no
 * transport argument it speaks over stdio.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OutlineRequest, RenderRequest, TemplatesRequest, type OutlineParams, type RenderParams, type TemplatesParams } from './protocol.ts';
import { guard, guardNotification } from './lsp/guard.ts';
import { outlineOf, render, templates } from './lsp/requests.ts';
import { ArchdocService } from './lsp/service.ts';

/** The bundled template, next to the bundle (`dist/../server/templates`) or to the sources. */
function bundledTemplatePath(): string {
  const candidates = [
    path.join(__dirname, '..', 'server', 'templates', 'ARCHITECTURE.md'),
    path.join(__dirname, '..', 'templates', 'ARCHITECTURE.md'),
  ];
  return candidates.find((file) => existsSync(file)) ?? candidates[0];
}

function connect() {
  const transport = process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(arg));
  return transport ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
}

function main(): void {
  const connection = connect();
  const documents = new TextDocuments(TextDocument);
  const service = new ArchdocService(connection, documents, bundledTemplatePath());
  const { engine, log } = service;

  connection.onInitialize((params) => service.initialize(params));
  connection.onInitialized(guardNotification('initialized', log, () => service.initialized()));
  connection.onDidChangeConfiguration(guardNotification('configuration', log, (params) => service.configurationChanged(params.settings)));
  connection.onDidChangeWatchedFiles(guardNotification('watched files', log, (params) => service.watchedFilesChanged(params.changes)));
  documents.onDidChangeContent((event) => service.changed(event.document.uri));
  documents.onDidClose((event) => service.closed(event.document.uri));

  connection.onCompletion(
    guard('completion', log, [], async ({ textDocument, position }) => {
      const doc = await service.ready(textDocument.uri);
      if (!doc) return [];
      return engine.completion(doc.analysis, position, { today: service.today(), insertSkeleton: doc.settings.completion.insertSkeleton, snippets: service.snippets() });
    }),
  );
  connection.onDocumentSymbol(
    guard('documentSymbol', log, [], async ({ textDocument }) => {
      const doc = await service.ready(textDocument.uri);
      return doc ? engine.symbols(doc.analysis) : [];
    }),
  );
  connection.onHover(
    guard('hover', log, null, async ({ textDocument, position }) => {
      const doc = await service.ready(textDocument.uri);
      return doc ? engine.hover(doc.analysis, position, { today: service.today() }) : null;
    }),
  );
  connection.onCodeAction(
    guard('codeAction', log, [], async ({ textDocument, range, context }) => {
      const doc = await service.ready(textDocument.uri);
      if (!doc) return [];
      const options = { uri: textDocument.uri, version: service.versionedEdits() ? doc.version : undefined, today: service.today(), severity: doc.settings.severity, only: context.only };
      return engine.codeActions(doc.analysis, service.diagnosticsOf(doc), range, options);
    }),
  );
  connection.onRequest(OutlineRequest, guard('outline', log, null, (params: OutlineParams) => outlineOf(service, params.uri)));
  connection.onRequest(RenderRequest, guard('render', log, null, (params: RenderParams) => render(service, params)));
  connection.onRequest(TemplatesRequest, guard('templates', log, { templates: [] }, (params: TemplatesParams) => templates(service, params.uri)));
  connection.onShutdown(() => service.dispose());

  documents.listen(connection);
  connection.listen();
}

main();
