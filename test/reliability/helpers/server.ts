/**
 * The real language server over stdio for reliability tests, with a JSON-RPC client from
 * vscode-languageserver-protocol. Unlike the protocol suite's harness it can start the server
 * with extra Node options (the memory probe) and reads its stderr. Waiting is always for a
 * message with a deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
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
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../../helpers/core.ts';

export const SERVER = path.join(ROOT, 'dist', 'server.js');
const PROBE = path.join(__dirname, 'memoryProbe.cjs');

export interface MemoryFigures {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

export class Server {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  /** While set, answers to `workspace/configuration` wait for it: holds the server inside a check. */
  configurationGate: Promise<void> | undefined;
  configurationRequests = 0;
  private stderr = '';
  private exited = false;
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    private readonly settings: unknown,
  ) {
    process.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    process.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      this.notify();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.notify();
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      this.notify();
    });
    connection.onRequest(ConfigurationRequest.type, async (p) => {
      this.configurationRequests++;
      this.notify();
      if (this.configurationGate) await this.configurationGate;
      return p.items.map(() => this.settings);
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
  }

  /** Starts the server for `folder`; `memoryProbe` preloads the probe with `--expose-gc`. */
  static async start(folder: string, options: { settings?: unknown; memoryProbe?: boolean } = {}): Promise<Server> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    const nodeArgs = options.memoryProbe ? ['--expose-gc', '--require', PROBE] : [];
    const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    // Diagnostics are compared with a check of the text alone; the temporary folders describe no
    // repository, so the repository checks stay off.
    const settings = { checkRepository: false, ...(options.settings as Record<string, unknown> | undefined) };
    const server = new Server(child, connection, settings);
    connection.listen();
    const uri = pathToFileURL(folder).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'reliability' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: false } },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Resolves once `test` holds, re-evaluated on every message; rejects after the deadline or if the server exits. */
  waitFor(what: string, test: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (test()) {
          finish();
          resolve();
        } else if (this.exited) {
          finish();
          reject(new Error(`The server exited while waiting for ${what}:\n${this.stderr.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** The diagnostics published for `uri` at exactly `version`. */
  async diagnosticsAt(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    await this.waitFor(`diagnostics of ${uri} v${version}`, () => this.diagnostics.get(uri)?.version === version, timeoutMs);
    return this.diagnostics.get(uri) as PublishDiagnosticsParams;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Memory of the server process after a full garbage collection (needs `memoryProbe`). */
  async memory(): Promise<MemoryFigures> {
    const seen = this.stderr.length;
    this.process.kill('SIGUSR2');
    let figures: MemoryFigures | undefined;
    await this.waitFor('the memory figures', () => {
      const m = /ARCHDOC_MEMORY (\{.*\})\n/.exec(this.stderr.slice(seen));
      if (m) figures = JSON.parse(m[1]) as MemoryFigures;
      return figures !== undefined;
    });
    return figures as MemoryFigures;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      await this.waitFor('the server to exit', () => !this.alive, 5000).catch((error: unknown) => {
        this.process.kill();
        throw error;
      });
    }
    this.connection.dispose();
  }

  private notify(): void {
    for (const check of [...this.waiters]) check();
  }
}
