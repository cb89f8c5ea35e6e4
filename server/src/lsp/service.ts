/**
 * The server's state, owned by one object per connection: settings per URI, workspace
 * folders, the policy (which documents, which template, which settings), the analysis of each
 * open document's latest version, and the pushed diagnostics. `server.ts` wires LSP messages
 * to it; features only ever see an `Analysis`.
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
import { describeConfigError, normalizeUri, pathOf, Policy, type TemplateRef } from '../policy/index.ts';
import { diagnosticsFor, DiagnosticsScheduler } from './diagnostics.ts';
import { computeState, StateCache, type DocumentState, type VersionedState } from './documentState.ts';
import { SettingsStore } from './settingsStore.ts';
import type { RepositoryFactsSource, ServerHost, TemplateWatching } from './host.ts';
import type { DriftFacts } from '../core/index.ts';

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
  /** Per folder URI, the `archdoc.templates` globs when they are all the ignored settings name; see `PolicyOptions`. */
  readonly ignoredTemplateGlobs?: Readonly<Record<string, readonly string[]>>;
}

export class ArchdocService {
  /** The engine: every feature of every request goes through it. */
  readonly engine = createLanguageService();
  /** Workspace folder URIs, as the client reported them. */
  private folders: string[] = [];
  settings: SettingsStore;
  readonly states: StateCache;
  readonly scheduler: DiagnosticsScheduler;
  private policyValue: Policy | undefined;
  private capabilities: ClientCapabilities = {};
  /** Facts for the repository checks; undefined where the host cannot gather them. */
  repository: RepositoryFactsSource | undefined;
  private readonly diagnosticsCache = new WeakMap<DocumentState, { readonly facts: DriftFacts | undefined; readonly diagnostics: Diagnostic[] }>();
  private readonly notices = new Set<string>();
  /** The latest gathering of repository facts per document. */
  private readonly gathering = new Map<string, Promise<void>>();
  /** Unavailable checks already announced; kept across re-checks, unlike `notices`. */
  private readonly saidUnavailable = new Set<string>();
  private readonly published = new Set<string>();
  private readonly watcher: TemplateWatching | undefined;
  /** The template (by URI) the server watches for each open document that needs one. */
  private readonly watchedTemplates = new Map<string, string>();
  /** Whether the client watches the workspace's markdown files for the server. */
  private clientWatches = true;
  /** The workspace folders as the client named them at initialization, for the start-up log. */
  private trusted = true;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly host: ServerHost,
  ) {
    this.settings = new SettingsStore({ pull: false, fetch: () => Promise.resolve(undefined) }, undefined);
    this.states = new StateCache((doc) => computeState(doc, { engine: this.engine, policy: this.policy }));
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
    this.watcher = host.watcher?.((uris) => this.templatesChanged(uris), (message) => this.log(message));
    this.repository = this.repositoryFacts(true);
  }

  /** Which documents are checked, against which template, with which settings: set up by `initialize`. */
  get policy(): Policy {
    if (!this.policyValue) throw new Error('The server has not been initialized.');
    return this.policyValue;
  }

  private repositoryFacts(trusted: boolean): RepositoryFactsSource | undefined {
    return this.host.repositoryFacts?.({
      rootOf: (uri) => this.policy.repositoryRoot(uri),
      trusted,
      recheck: (uri) => this.scheduler.schedule(uri, 0),
      note: (message) => this.connection.console.info(message),
    });
  }

  readonly log = (message: string): void => this.connection.console.error(message);

  async initialize(params: InitializeParams): Promise<InitializeResult> {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.capabilities = params.capabilities;
    this.repository = this.repositoryFacts(options.trusted !== false);
    const pull = params.capabilities.workspace?.configuration === true;
    this.settings = new SettingsStore(
      { pull, fetch: (uri) => this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'archdoc' }) },
      options.settings ?? options.archdoc,
    );
    this.policyValue = new Policy({
      workspace: this.host.workspace,
      registry: await this.host.bundledTemplates(),
      engine: this.engine,
      trusted: options.trusted !== false,
      folders: () => this.folders,
      clientSettings: (uri) => this.settings.get(uri),
      ignoredTemplates: options.ignoredTemplates,
      ignoredTemplateGlobs: options.ignoredTemplateGlobs,
    });
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.map(normalizeUri);
    this.trusted = options.trusted !== false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
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
        const gone = new Set(event.removed.map((f) => normalizeUri(f.uri)));
        this.folders = [...this.folders.filter((f) => !gone.has(f)), ...event.added.map((f) => normalizeUri(f.uri))];
        this.policy.configChanged();
        this.recheckAll();
      });
    }
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        // Templates, their sidecars and config files; every file for the repository checks (the client leaves out its excluded folders).
        watchers: [{ globPattern: '**/*.{md,markdown,json}' }, { globPattern: '**/.archdoc.{json,jsonc}' }, { globPattern: '**/*' }],
      });
    } else {
      this.clientWatches = false;
    }
  }

  /** One line at Info level: the version, whether the workspace is trusted, and the template each folder's documents follow. */
  private async logStart(): Promise<void> {
    const folders: string[] = [];
    for (const folder of this.folders) {
      const document = `${folder.replace(/\/$/, '')}/ARCHITECTURE.md`;
      const ignored = this.policy.ignoredTemplateOf(folder);
      if (ignored !== undefined) {
        folders.push(`${folder}: ${ignored}, ignored in Restricted Mode (documents not checked)`);
        continue;
      }
      const outcome = await this.policy.settings(document);
      const chosen = outcome.ok ? this.policy.chooseTemplate(document, outcome.settings, undefined) : { error: outcome.error.message };
      const template = 'error' in chosen ? `unusable (${chosen.error})` : chosen.ref.kind === 'bundled' ? `bundled template "${chosen.ref.id}"` : chosen.ref.uri;
      folders.push(`${folder}: ${template}`);
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
    const uris = changes.map((c) => normalizeUri(c.uri));
    if (uris.some((uri) => this.policy.isConfigFile(uri))) {
      this.policy.configChanged();
      this.recheckAll();
      // A config file can move a document's repository root or change what its scan leaves out.
      for (const doc of this.documents.all()) void this.gatherFacts(doc.uri, false).catch((error: unknown) => this.log(`Repository facts failed: ${String(error)}`));
    }
    this.templatesChanged(uris);
    void this.repository?.filesChanged(uris).catch((error: unknown) => this.log(`Updating repository facts failed: ${String(error)}`));
  }

  /** An architecture document opened or was saved: gather its repository facts (never on a keystroke). */
  gatherFacts(uri: string, saved: boolean): Promise<void> {
    const run = (async () => {
      const state = await this.ready(uri);
      if (!state?.settings.checkRepository) return;
      await this.repository?.refresh(uri, saved);
    })();
    this.gathering.set(uri, run.catch(() => undefined));
    return run;
  }

  /** Resolves once the repository facts asked for `uri` so far are in: requests that must be complete wait for it. */
  factsSettled(uri: string): Promise<void> {
    return this.gathering.get(uri) ?? Promise.resolve();
  }

  /** Template files changed on disk: forget them and check every open document again. */
  templatesChanged(uris: readonly string[]): void {
    if (!this.policy.templates.invalidate(uris)) return;
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
    this.repository?.closed(uri);
    this.gathering.delete(uri);
    this.forgetNotice(uri);
    if (this.watchedTemplates.delete(uri)) this.watcher?.sync(this.watchedTemplates.values());
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

  /** The diagnostics of a state, with the repository facts cached for its document (no I/O). */
  diagnosticsOf(state: DocumentState, uri: string): Diagnostic[] {
    const facts = state.kind === 'ready' && state.settings.checkRepository ? this.repository?.factsFor(uri) : undefined;
    const cached = this.diagnosticsCache.get(state);
    if (cached && cached.facts === facts) return cached.diagnostics;
    const diagnostics = diagnosticsFor(this.engine, state, facts);
    this.diagnosticsCache.set(state, { facts, diagnostics });
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
    this.watcher?.dispose();
  }

  private async check(uri: string): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const state = await this.states.get(doc);
    this.notify(uri, state);
    this.watchTemplate(uri, state.kind === 'ready' || state.kind === 'template-error' ? state.template : undefined);
    // The document object is updated in place by later changes: the version is the state's, read before any await.
    return { version: state.version, diagnostics: this.diagnosticsOf(state, uri) };
  }

  /**
   * The client's watcher covers templates inside the workspace folders; the server watches
   * the others itself, and every template when the client cannot watch files.
   */
  private watchTemplate(uri: string, template: TemplateRef | undefined): void {
    const file = template?.kind === 'file' ? template.uri : undefined;
    const needed = file !== undefined && !(this.clientWatches && this.policy.folderOf(file) !== undefined);
    if (needed ? this.watchedTemplates.get(uri) === file : !this.watchedTemplates.has(uri)) return;
    if (needed) this.watchedTemplates.set(uri, file);
    else this.watchedTemplates.delete(uri);
    this.watcher?.sync(this.watchedTemplates.values());
  }

  /** The number of folders the server watches itself. */
  watchedFolders(): number {
    return this.watcher?.size ?? 0;
  }

  private forgetNotice(uri: string): void {
    this.notices.delete(`template:${uri}`);
  }

  /**
   * One message per problem, not per keystroke: config and template errors, overridden
   * settings, oversized documents. While a template path is being typed each keystroke names
   * another missing file, so a document shows one template message until its template works
   * again (its diagnostic says the rest).
   */
  private notify(uri: string, state: DocumentState): void {
    if (state.kind === 'ready') {
      this.forgetNotice(uri);
      this.sayUnavailable();
    }
    const notice = noticeOf(uri, state);
    if (notice === undefined) return;
    let key = notice.key;
    if (state.kind === 'template-error') {
      const seen = this.notices.has(`template:${uri}`) || this.notices.has(key);
      this.notices.add(`template:${uri}`);
      if (seen) key = `template:${uri}`;
    }
    if (this.notices.has(key)) return;
    this.notices.add(key);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: notice.type, message: notice.message });
  }

  /** Checks the host cannot run are said once per session, when the first document is checked, not per document. */
  private sayUnavailable(): void {
    for (const check of this.host.unavailableChecks ?? []) {
      if (this.saidUnavailable.has(check.code)) continue;
      this.saidUnavailable.add(check.code);
      void this.connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: `ArchDoc skips ${check.code} here: ${check.reason}.`,
      });
    }
  }

}

/** The message a state deserves, once per `key`: config and template errors, oversized documents, overridden settings. */
function noticeOf(uri: string, state: DocumentState): { key: string; type: MessageType; message: string } | undefined {
  switch (state.kind) {
    case 'config-error':
      return {
        key: `config:${state.error.uri}:${state.error.message}`,
        type: MessageType.Error,
        message: `ArchDoc cannot use ${describeConfigError(state.error, pathOf(state.error.uri))}. Documents under it are not checked until it is fixed.`,
      };
    case 'template-error':
      return { key: `template:${state.error}`, type: MessageType.Error, message: `ArchDoc: ${state.error} Documents using it are not checked until it is fixed.` };
    case 'too-large':
      return { key: `size:${uri}`, type: MessageType.Warning, message: `ArchDoc: ${uri} is larger than archdoc.maxFileSize (${state.limit} bytes), so it is not checked.` };
    case 'ready': {
      const { overridden, config } = state.settings;
      if (overridden.length === 0 || config === undefined) return undefined;
      const keys = overridden.map((k) => `archdoc.${k}`).join(', ');
      return {
        key: `overridden:${config}:${overridden.join(',')}`,
        type: MessageType.Info,
        message: `ArchDoc follows ${pathOf(config)}, as CI does: it overrides your ${keys} setting${overridden.length > 1 ? 's' : ''}.`,
      };
    }
    // The editor says it, with the way to trust the workspace; the server sent the editor's own list.
    case 'template-ignored':
    case 'ignored':
      return undefined;
  }
}
