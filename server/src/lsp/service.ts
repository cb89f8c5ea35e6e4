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
import { createLanguageService, FIX_ALL_KIND, isoDate, SEMANTIC_TOKENS_LEGEND } from '../core/index.ts';
import { diagnosticsFor, DiagnosticsScheduler } from './diagnostics.ts';
import { computeState, StateCache, type DocumentState, type VersionedState } from './documentState.ts';
import { SettingsStore } from './settings.ts';
import { chooseTemplate, TemplateStore } from './templates.ts';
import { uriToPath, WorkspaceFolders } from './workspace.ts';
import { TemplateWatcher } from './watcher.ts';

/** Milliseconds between the last keystroke and the check: short, as a check takes a few ms. */
export const DEBOUNCE_MS = 10;

declare const __ARCHDOC_VERSION__: string | undefined;
const SERVER_VERSION = typeof __ARCHDOC_VERSION__ === 'string' ? __ARCHDOC_VERSION__ : '0.0.0-dev';

export type ReadyState = Extract<VersionedState, { kind: 'ready' }>;

export interface InitializationOptions {
  /** Whether the workspace is trusted; the VS Code client sends it. Defaults to trusted. */
  readonly trusted?: boolean;
  /** The `archdoc` settings, for clients that cannot answer `workspace/configuration`. */
  readonly settings?: unknown;
  /** The same, as editors that send their whole configuration (`{ archdoc: … }`) put it. */
  readonly archdoc?: unknown;
  /**
   * `false` from clients that have heading symbols of their own (VS Code's markdown does), so
   * that headings are not listed twice in the outline, breadcrumbs and Go to Symbol.
   */
  readonly documentSymbols?: boolean;
  /**
   * Per workspace folder URI, the template its workspace settings name (`archdoc.template` or
   * `archdoc.templates`) when the workspace is not trusted and the client ignores them. Documents
   * in those folders are not checked: checking them against another template would report
   * problems that are not there.
   */
  readonly ignoredTemplates?: Readonly<Record<string, string>>;
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
  /** The template file the server watches for each open document that needs one. */
  private readonly watchedTemplates = new Map<string, string>();
  /** Whether the client watches the workspace's markdown files for the server. */
  private clientWatches = true;
  /** The workspace folders as the client named them at initialization, for the start-up log. */
  private folderUris: readonly string[] = [];
  private trusted = true;
  /** Folder path → the template its ignored workspace settings name. */
  private ignoredTemplates = new Map<string, string>();

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

  /** The template a folder's ignored workspace settings name, in an untrusted workspace. */
  readonly ignoredTemplate = (folder: string | undefined): string | undefined => (folder === undefined ? undefined : this.ignoredTemplates.get(folder));

  initialize(params: InitializeParams): InitializeResult {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.capabilities = params.capabilities;
    const trusted = options.trusted !== false;
    this.templates = new TemplateStore(this.engine, { bundledPath: this.bundledTemplate, trusted });
    this.ignoredTemplates = new Map(
      Object.entries(trusted ? {} : (options.ignoredTemplates ?? {})).flatMap(([uri, template]) => {
        const folder = uriToPath(uri);
        return folder === undefined || typeof template !== 'string' ? [] : [[folder, template] as const];
      }),
    );
    const pull = params.capabilities.workspace?.configuration === true;
    this.settings = new SettingsStore(
      { pull, fetch: (uri) => this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'archdoc' }) },
      options.settings ?? options.archdoc,
      trusted,
    );
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders.set(folders);
    this.folderUris = folders;
    this.trusted = options.trusted !== false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['#'] },
        documentSymbolProvider: options.documentSymbols !== false,
        hoverProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'archdoc-language-server' },
    };
  }

  async initialized(): Promise<void> {
    await this.logStart();
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

  /** One line at Info level: the version, whether the workspace is trusted, and the template each folder's documents follow. */
  private async logStart(): Promise<void> {
    const folders: string[] = [];
    for (const uri of this.folderUris) {
      const folder = uriToPath(uri);
      const ignored = this.ignoredTemplate(folder);
      if (ignored !== undefined) {
        folders.push(`${folder ?? uri}: ${ignored} (ignored in Restricted Mode, documents not checked)`);
        continue;
      }
      const settings = await this.settings.get(uri);
      const template = chooseTemplate({ filePath: undefined, folder, settings, markers: { optIn: true, template: undefined }, trusted: this.trusted });
      folders.push(`${folder ?? uri}: ${template.path === undefined ? 'bundled template' : template.label}`);
    }
    const trust = this.trusted ? 'trusted' : 'not trusted (Restricted Mode)';
    this.connection.console.info(`ArchDoc language server ${SERVER_VERSION} started; workspace ${trust}; templates: ${folders.join('; ') || 'no folder open, bundled template'}`);
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
    this.forgetNotice(uri);
    if (this.watchedTemplates.delete(uri)) this.watcher.sync(this.watchedTemplates.values());
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
    this.watchTemplate(uri, state.kind === 'ready' || state.kind === 'template-error' ? state.template.path : undefined);
    // The document object is updated in place by later changes: the version is the state's, read before any await.
    return { version: state.version, diagnostics: this.diagnosticsOf(state) };
  }

  /**
   * The client's watcher covers templates inside the workspace folders; the server watches
   * the others itself, and every template when the client cannot watch files.
   */
  private watchTemplate(uri: string, file: string | undefined): void {
    const needed = file !== undefined && !(this.clientWatches && this.folders.folderOf(file) !== undefined);
    if (needed ? this.watchedTemplates.get(uri) === file : !this.watchedTemplates.has(uri)) return;
    if (needed) this.watchedTemplates.set(uri, file);
    else this.watchedTemplates.delete(uri);
    this.watcher.sync(this.watchedTemplates.values());
  }

  /** The number of folders the server watches itself. */
  watchedFolders(): number {
    return this.watcher.size;
  }

  private forgetNotice(uri: string): void {
    this.notices.delete(`template:${uri}`);
  }

  /**
   * One message per problem, not per keystroke: template errors and oversized documents. While
   * a template path is being typed each keystroke names another missing file, so a document
   * shows one template message until its template works again (its diagnostic says the rest).
   */
  private notify(uri: string, state: DocumentState): void {
    let key: string | undefined;
    let message = '';
    if (state.kind === 'template-error') {
      const seen = this.notices.has(`template:${uri}`) || this.notices.has(`template:${state.error}`);
      this.notices.add(`template:${uri}`);
      key = seen ? `template:${uri}` : `template:${state.error}`;
      message = `ArchDoc: ${state.error} Documents using it are not checked until it is fixed.`;
    } else if (state.kind === 'ready') {
      this.forgetNotice(uri);
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
