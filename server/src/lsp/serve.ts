/**
 * The language server's message handlers, the same for every transport: the Node process
 * (server.ts) and the browser's Web Worker (browserServer.ts). Each handler gets the analysed
 * document from the service, calls the engine and returns its result; the guard logs failures
 * and answers them with an empty result.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CheckRequest,
  OutlineRequest,
  RenderRequest,
  SectionRequest,
  TemplatesRequest,
  type CheckParams,
  type OutlineParams,
  type RenderParams,
  type SectionParams,
  type TemplatesParams,
} from '../protocol.ts';
import { guard, guardNotification } from './guard.ts';
import { checkOf, outlineOf, render, sectionOf, templates } from './requests.ts';
import type { ArchdocService } from './service.ts';

/** Wires `connection` to `service` and starts listening. */
export function serve(connection: Connection, documents: TextDocuments<TextDocument>, service: ArchdocService): void {
  const { engine, log } = service;

  connection.onInitialize((params) => service.initialize(params));
  connection.onInitialized(guardNotification('initialized', log, () => service.initialized()));
  connection.onDidChangeConfiguration(guardNotification('configuration', log, (params) => service.configurationChanged(params.settings)));
  connection.onDidChangeWatchedFiles(guardNotification('watched files', log, (params) => service.watchedFilesChanged(params.changes)));
  documents.onDidChangeContent((event) => service.changed(event.document.uri));
  documents.onDidClose((event) => service.closed(event.document.uri));
  // Repository facts are gathered on open and on save, never on a change of the text.
  documents.onDidOpen((event) => void service.gatherFacts(event.document.uri, false).catch((error: unknown) => log(`Repository facts failed: ${String(error)}`)));
  documents.onDidSave((event) => void service.gatherFacts(event.document.uri, true).catch((error: unknown) => log(`Repository facts failed: ${String(error)}`)));

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
      return doc ? engine.symbols(doc.analysis, service.diagnosticsOf(doc, textDocument.uri)) : [];
    }),
  );
  connection.onHover(
    guard('hover', log, null, async ({ textDocument, position }) => {
      const doc = await service.ready(textDocument.uri);
      return doc ? engine.hover(doc.analysis, position, { today: service.today(), diagnostics: service.diagnosticsOf(doc, textDocument.uri) }) : null;
    }),
  );
  connection.languages.semanticTokens.on(
    guard('semanticTokens', log, { data: [] }, async ({ textDocument }) => {
      const doc = await service.ready(textDocument.uri);
      return doc ? engine.semanticTokens(doc.analysis) : { data: [] };
    }),
  );
  connection.onCodeAction(
    guard('codeAction', log, [], async ({ textDocument, range, context }) => {
      const doc = await service.ready(textDocument.uri);
      if (!doc) return [];
      const options = { uri: textDocument.uri, version: service.versionedEdits() ? doc.version : undefined, today: service.today(), severity: doc.settings.severity, only: context.only };
      return engine.codeActions(doc.analysis, service.diagnosticsOf(doc, textDocument.uri), range, options);
    }),
  );
  connection.onRequest(OutlineRequest, guard('outline', log, null, (params: OutlineParams) => outlineOf(service, params.uri)));
  connection.onRequest(RenderRequest, guard('render', log, null, (params: RenderParams) => render(service, params)));
  connection.onRequest(TemplatesRequest, guard('templates', log, { templates: [] }, (params: TemplatesParams) => templates(service, params.uri)));
  connection.onRequest(CheckRequest, guard('check', log, null, (params: CheckParams) => checkOf(service, params.uri)));
  connection.onRequest(SectionRequest, guard('section', log, null, (params: SectionParams) => sectionOf(service, params)));
  connection.onShutdown(() => service.dispose());

  documents.listen(connection);
  connection.listen();
}
