/**
 * A real LSP client for protocol tests: starts `node dist/server.js --stdio` and talks to it
 * over JSON-RPC with vscode-languageserver-protocol, answering the server's own requests
 * (configuration, registration) the way an editor does. Waiting is always for an event with
 * a deadline, never a fixed sleep.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    publishDiagnostics: { versionSupport: true },
  },
};

/** A temporary workspace folder with the given files. */
export function workspace(files: Record<string, string> = {}): { dir: string; uri: (relative: string) => string; write: (relative: string, text: string) => void; dispose: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'archdoc-protocol-'));
  const write = (relative: string, text: string): void => {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  for (const [relative, text] of Object.entries(files)) write(relative, text);
  return { dir, uri: (relative) => pathToFileURL(path.join(dir, relative)).href, write, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface StartOptions {
  readonly folder: string;
  /** The `archdoc` section returned for `workspace/configuration`, per URI. */
  readonly settings?: (uri: string | undefined) => unknown;
  readonly initializationOptions?: unknown;
  readonly capabilities?: ClientCapabilities;
}

type Waiter = { readonly test: () => boolean; readonly resolve: () => void };

export class Client {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order of arrival. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  settings: (uri: string | undefined) => unknown;
  /** While set, configuration answers wait for it: lets a test hold the server inside a request. */
  configurationGate: Promise<void> | undefined;
  initializeResult: InitializeResult | undefined;
  private readonly waiters = new Set<Waiter>();
  private exited = false;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    // The temporary workspaces hold documents that describe no real repository: the repository
    // checks stay off unless a test's settings turn them on.
    this.settings = options.settings ?? (() => ({ checkRepository: false }));
    process.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.published.push(params);
      this.notify();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.notify();
    });
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests.push(params);
      this.notify();
      if (this.configurationGate) await this.configurationGate;
      return params.items.map((item) => this.settings(item.scopeUri));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      this.notify();
    });
  }

  static async start(options: StartOptions): Promise<Client> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new Client(child, connection, options);
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(options.folder).href,
      workspaceFolders: [{ uri: pathToFileURL(options.folder).href, name: 'test' }],
      capabilities: options.capabilities ?? CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Resolves once `test` holds, re-evaluated on every message from the server; rejects after the deadline. */
  waitFor(what: string, test: () => boolean, timeoutMs = 5000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** The next diagnostics published for `uri` at `version` or later. */
  async diagnosticsFor(uri: string, version: number, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    await this.waitFor(`diagnostics of ${uri} v${version}`, () => (this.diagnostics.get(uri)?.version ?? -1) >= version, timeoutMs);
    return this.diagnostics.get(uri) as PublishDiagnosticsParams;
  }

  /** The first publication for `uri` after the `count` publications already seen. */
  async nextDiagnostics(uri: string, count: number, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const find = (): PublishDiagnosticsParams | undefined => this.published.slice(count).find((p) => p.uri === uri);
    await this.waitFor(`new diagnostics of ${uri}`, () => find() !== undefined, timeoutMs);
    return find() as PublishDiagnosticsParams;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
        await this.waitFor('the server to exit', () => !this.alive, 3000);
      } finally {
        if (this.alive) this.process.kill();
      }
    }
    this.connection.dispose();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.test()) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}

/** An open document as the client holds it: its text and version, edited the way an editor sends edits. */
export class OpenDocument {
  private doc: TextDocument;

  constructor(
    private readonly client: Client,
    readonly uri: string,
    text: string,
  ) {
    this.doc = TextDocument.create(uri, 'markdown', 1, text);
  }

  static async open(client: Client, uri: string, text: string): Promise<OpenDocument> {
    const doc = new OpenDocument(client, uri, text);
    await client.open(uri, text, 1);
    return doc;
  }

  get text(): string {
    return this.doc.getText();
  }

  get version(): number {
    return this.doc.version;
  }

  /** Sends incremental changes, applied in order, and returns the new version. */
  async edit(changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = this.doc.version + 1;
    this.doc = TextDocument.update(this.doc, changes, version);
    await this.client.change(this.uri, version, changes);
    return version;
  }

  /** Applies the text edits of a workspace edit for this document, as one incremental change. */
  async apply(edit: WorkspaceEdit | undefined): Promise<number> {
    const edits: TextEdit[] = [...(edit?.changes?.[this.uri] ?? [])];
    for (const change of edit?.documentChanges ?? []) {
      if ('edits' in change && change.textDocument.uri === this.uri) edits.push(...(change.edits as TextEdit[]));
    }
    if (edits.length === 0) throw new Error('The workspace edit holds no edit for this document');
    const text = TextDocument.applyEdits(this.doc, edits);
    const whole = { start: { line: 0, character: 0 }, end: this.doc.positionAt(this.doc.getText().length) };
    return this.edit([{ range: whole, text }]);
  }

  diagnostics(timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.client.diagnosticsFor(this.uri, this.version, timeoutMs);
  }
}
