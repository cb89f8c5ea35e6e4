/**
 * The server's state, owned by one object per connection: settings per URI, workspace
 * folders, templates, the analysis of each open document's latest version, and the pushed
 * diagnostics. `server.ts` wires LSP messages to it; features only ever see an `Analysis`.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, FIX_ALL_KIND, isoDate } from '../core/index.ts';
import { diagnosticsFor, DiagnosticsScheduler } from './diagnostics.ts';
import { computeState, StateCache, type DocumentState, type VersionedState } from './documentState.ts';
import { SettingsStore } from './settings.ts';
import { TemplateStore } from './templates.ts';
import { uriToPath, WorkspaceFolders } from './workspace.ts';
import { TemplateWatcher } from './watcher.ts';

/** Milliseconds between the last keystroke and the check: short, as a check takes a few ms. */
export const DEBOUNCE_MS = 10;

export type ReadyState = Extract<VersionedState, { kind: 'ready' }>;

export interface InitializationOptions {
  /** Whether the workspace is trusted; the VS Code client sends it. Defaults to trusted. */
  readonly trusted?: boolean;
  /** The `archdoc` settings, for clients that cannot answer `workspace/configuration`. */
  readonly settings?: unknown;
  /** The same, as editors that send their whole configuration (`{ archdoc: … }`) put it. */
  readonly archdoc?: unknown;
}

export class ArchdocService {
  /** The engine: every feature of every request goes through it. */
  readonly engine = createLanguageService();
  readonly folders = new WorkspaceFolders();
  settings: SettingsStore;
  readonly states: StateCache;
  readonly scheduler: DiagnosticsScheduler;
  templates: TemplateStore;
  private capabilities: ClientCapabilities = {};
  private readonly diagnosticsCache = new WeakMap<DocumentState, Diagnostic[]>();
  private readonly notices = new Set<string>();
  private readonly published = new Set<string>();
  private readonly watcher: TemplateWatcher;
  /** Whether the client watches the workspace's markdown files for the server. */
  private clientWatches = true;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly bundledTemplate: string,
  ) {
    this.settings = new SettingsStore({ pull: false, fetch: () => Promise.resolve(undefined) }, undefined);
    this.templates = new TemplateStore(this.engine, { bundledPath: bundledTemplate, trusted: true });
    this.states = new StateCache((doc) => computeState(doc, this));
    this.scheduler = new DiagnosticsScheduler({
      delay: DEBOUNCE_MS,
      compute: (uri) => this.check(uri),
      currentVersion: (uri) => this.documents.get(uri)?.version,
      publish: (uri, run) => {
        this.published.add(uri);
        void this.connection.sendDiagnostics({ uri, version: run.version, diagnostics: run.diagnostics });
      },
      log: (message) => this.log(message),
    });
    this.watcher = new TemplateWatcher((files) => this.templatesChanged(files), (message) => this.log(message));
  }

  readonly log = (message: string): void => this.connection.console.error(message);

  initialize(params: InitializeParams): InitializeResult {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.capabilities = params.capabilities;
    this.templates = new TemplateStore(this.engine, { bundledPath: this.bundledTemplate, trusted: options.trusted !== false });
    const pull = params.capabilities.workspace?.configuration === true;
    this.settings = new SettingsStore(
      { pull, fetch: (uri) => this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'archdoc' }) },
      options.settings ?? options.archdoc,
    );
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders.set(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['#'] },
        documentSymbolProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'archdoc-language-server' },
    };
  }

  async initialized(): Promise<void> {
    const workspace = this.capabilities.workspace;
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      // Clients that pull settings only announce changes to servers that register for them.
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'archdoc' });
    }
    if (workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        this.folders.change(event.added.map((f) => f.uri), event.removed.map((f) => f.uri));
        this.recheckAll();
      });
    }
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,markdown}' }],
      });
    } else {
      this.clientWatches = false;
    }
  }

  /** The `settings` field of the old push-style notification is used by clients that cannot be asked. */
  configurationChanged(pushed: unknown): void {
    const archdoc = pushed !== null && typeof pushed === 'object' ? (pushed as Record<string, unknown>).archdoc : undefined;
    this.settings.clear(archdoc);
    this.recheckAll();
  }

  watchedFilesChanged(changes: readonly FileEvent[]): void {
    const files = changes.map((c) => uriToPath(c.uri)).filter((p): p is string => p !== undefined);
    this.templatesChanged(files);
  }

  /** Template files changed on disk: forget them and check every open document again. */
  templatesChanged(files: readonly string[]): void {
    if (!this.templates.invalidate(files)) return;
    this.recheckAll();
  }

  recheckAll(): void {
    this.notices.clear();
    this.states.invalidate();
    for (const doc of this.documents.all()) this.scheduler.schedule(doc.uri, 0);
  }

  /** A document opened or changed: check at once the first time, after the debounce afterwards. */
  changed(uri: string): void {
    this.scheduler.schedule(uri, this.published.has(uri) ? DEBOUNCE_MS : 0);
  }

  closed(uri: string): void {
    this.scheduler.cancel(uri);
    this.states.delete(uri);
    this.settings.forget(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The state of the document's current version, or undefined when it is not open. */
  async state(uri: string): Promise<VersionedState | undefined> {
    const doc = this.documents.get(uri);
    return doc ? this.states.get(doc) : undefined;
  }

  async ready(uri: string): Promise<ReadyState | undefined> {
    const state = await this.state(uri);
    return state?.kind === 'ready' ? state : undefined;
  }

  diagnosticsOf(state: DocumentState): Diagnostic[] {
    let diagnostics = this.diagnosticsCache.get(state);
    if (!diagnostics) {
      diagnostics = diagnosticsFor(this.engine, state);
      this.diagnosticsCache.set(state, diagnostics);
    }
    return diagnostics;
  }

  today(): string {
    return isoDate(new Date());
  }

  snippets(): boolean {
    return this.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  }

  versionedEdits(): boolean {
    return this.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  }

  dispose(): void {
    this.scheduler.dispose();
    this.watcher.dispose();
  }

  private async check(uri: string): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const state = await this.states.get(doc);
    this.notify(uri, state);
    if (state.kind === 'ready' || state.kind === 'template-error') this.watchTemplate(state.template.path);
    // The document object is updated in place by later changes: the version is the state's, read before any await.
    return { version: state.version, diagnostics: this.diagnosticsOf(state) };
  }

  /**
   * The client's watcher covers templates inside the workspace folders; the server watches
   * the others itself, and every template when the client cannot watch files.
   */
  private watchTemplate(file: string | undefined): void {
    if (file === undefined) return;
    if (this.clientWatches && this.folders.folderOf(file) !== undefined) return;
    this.watcher.watch(file);
  }

  /** One message per problem, not per keystroke: template errors and oversized documents. */
  private notify(uri: string, state: DocumentState): void {
    let key: string | undefined;
    let message = '';
    if (state.kind === 'template-error') {
      key = `template:${state.error}`;
      message = `ArchDoc: ${state.error} Documents using it are not checked until it is fixed.`;
    } else if (state.kind === 'too-large') {
      key = `size:${uri}`;
      message = `ArchDoc: ${uri} is larger than archdoc.maxFileSize (${state.limit} bytes), so it is not checked.`;
    }
    if (key === undefined || this.notices.has(key)) return;
    this.notices.add(key);
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: state.kind === 'template-error' ? MessageType.Error : MessageType.Warning,
      message,
    });
  }
}
