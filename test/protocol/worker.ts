/**
 * The browser build's language server (`dist/browser/server.js`) run as a browser runs it:
 * loaded into a fresh JavaScript realm (node:vm) that has a Web Worker's globals and none of
 * Node's (no `process`, `Buffer`, `global`, `require`), spoken to through `postMessage` with
 * vscode-languageserver-protocol's own reader and writer. The files the server asks for
 * (`archdoc/fs/*`) are answered from an in-memory file system, as `workspace.fs` would.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol';
import {
  bytesToBase64,
  DirectoryReadRequest,
  FileReadRequest,
  FileStatRequest,
  type DirectoryReadResult,
  type FileParams,
  type FileReadParams,
  type FileReadResult,
  type FileStatResult,
} from '../../server/src/protocol.ts';

export const WORKER_BUNDLE = path.join(__dirname, '..', '..', 'dist', 'browser', 'server.js');

/** The worker's side of `postMessage`: what the bundle sees as `self`. */
interface WorkerScope {
  onmessage?: (event: { data: unknown }) => void;
  addEventListener?: (type: string, listener: (event: { data: unknown }) => void) => void;
}

class ToWorker extends AbstractMessageWriter {
  constructor(private readonly deliver: (message: unknown) => void) {
    super();
  }
  write(message: Message): Promise<void> {
    // A structured clone, as postMessage makes, so that no object crosses realms by reference.
    this.deliver(structuredClone(message));
    return Promise.resolve();
  }
  end(): void {}
}

class FromWorker extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly queue: Message[] = [];
  receive(message: Message): void {
    if (this.callback) this.callback(message);
    else this.queue.push(message);
  }
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.queue.splice(0)) callback(message);
    return { dispose: () => (this.callback = undefined) };
  }
}

export interface WorkerServer {
  readonly connection: ProtocolConnection;
  /** The in-memory file system the server reads through the client: URI to text. */
  readonly files: Map<string, string>;
  /** URIs the server asked to read, in order. */
  readonly reads: string[];
}

export function startWorkerServer(files: Map<string, string> = new Map()): WorkerServer {
  const fromWorker = new FromWorker();
  const listeners: ((event: { data: unknown }) => void)[] = [];
  const scope: WorkerScope & Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    atob,
    btoa,
    structuredClone,
    performance,
    postMessage: (message: unknown) => fromWorker.receive(structuredClone(message) as Message),
    addEventListener: (type: string, listener: (event: { data: unknown }) => void) => {
      if (type === 'message') listeners.push(listener);
    },
    removeEventListener: () => {},
    close: () => {},
  };
  scope.self = scope;
  scope.globalThis = scope;
  const context = vm.createContext(scope);
  vm.runInContext(readFileSync(WORKER_BUNDLE, 'utf8'), context, { filename: WORKER_BUNDLE });
  const deliver = (data: unknown) => {
    const event = { data };
    scope.onmessage?.(event);
    for (const listener of listeners) listener(event);
  };
  const connection = createProtocolConnection(fromWorker, new ToWorker(deliver));
  const reads: string[] = [];
  const kindOf = (uri: string) => (files.has(uri) ? 'file' : [...files.keys()].some((f) => f.startsWith(`${uri.replace(/\/$/, '')}/`)) ? 'directory' : undefined);
  connection.onRequest(FileStatRequest, ({ uri }: FileParams): FileStatResult => {
    const kind = kindOf(uri);
    return kind ? { kind, size: kind === 'file' ? new TextEncoder().encode(files.get(uri)).length : 0 } : null;
  });
  connection.onRequest(FileReadRequest, ({ uri, maxBytes }: FileReadParams): FileReadResult => {
    reads.push(uri);
    const text = files.get(uri);
    if (text === undefined) throw new Error('does not exist');
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > maxBytes) throw new Error(`is larger than the limit of ${maxBytes} bytes`);
    return { base64: bytesToBase64(bytes) };
  });
  connection.onRequest(DirectoryReadRequest, ({ uri }: FileParams): DirectoryReadResult => {
    const prefix = `${uri.replace(/\/$/, '')}/`;
    const names = new Map<string, 'file' | 'directory'>();
    for (const file of files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const [first, ...rest] = file.slice(prefix.length).split('/');
      names.set(first, rest.length > 0 ? 'directory' : 'file');
    }
    return [...names];
  });
  connection.listen();
  return { connection, files, reads };
}
