/**
 * Timings through the protocol: the real server (`node dist/server.js --stdio`) driven by a real
 * JSON-RPC client, as an editor drives it. Every timing runs from the moment the message is
 * written to the moment its answer (or, for an edit, the diagnostics of the edited version)
 * arrives, so it includes serialization both ways and, for edits, the server's debounce.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { summarize, type Summary } from './stats.ts';
// The capabilities VS Code announces for the features measured, as the protocol tests use them.
import { CAPABILITIES } from '../test/protocol/harness.ts';

export const SERVER = path.join(__dirname, '..', 'dist', 'server.js');

export interface Memory {
  readonly rss: number;
  readonly peak: number;
}

export class BenchServer {
  /** The diagnostics last published per URI, with their version. */
  private readonly published = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, { version: params.version ?? -1, diagnostics: params.diagnostics });
      for (const wake of [...this.waiters]) wake();
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    child.stderr?.resume();
  }

  /** Starts the server (with `execArgv` for Node, if any) and answers when `initialize` is answered, with the time that took. */
  static async start(folder: string, execArgv: readonly string[] = []): Promise<{ server: BenchServer; initializeMs: number }> {
    const started = performance.now();
    const child = spawn(process.execPath, [...execArgv, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new BenchServer(child, connection);
    connection.listen();
    const folderUri = pathToFileURL(folder).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      capabilities: CAPABILITIES,
    });
    const initializeMs = performance.now() - started;
    await connection.sendNotification(InitializedNotification.type, {});
    return { server, initializeMs };
  }

  /** Resolves when diagnostics for `uri` at `version` (or later) have been published. */
  diagnostics(uri: string, version: number, timeoutMs = 30_000): Promise<Diagnostic[]> {
    const done = (): Diagnostic[] | undefined => {
      const p = this.published.get(uri);
      return p && p.version >= version ? p.diagnostics : undefined;
    };
    const now = done();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`No diagnostics for ${uri} v${version} after ${timeoutMs} ms`));
      }, timeoutMs);
      const wake = (): void => {
        const d = done();
        if (!d) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(d);
      };
      this.waiters.add(wake);
    });
  }

  /** The server's resident set size now and at its peak, in bytes, from /proc (Linux). */
  memory(): Memory | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: field('VmRSS'), peak: field('VmHWM') };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    } finally {
      if (this.child.exitCode === null) this.child.kill();
      this.connection.dispose();
    }
  }
}

export interface DocTimings {
  readonly lines: number;
  readonly rows: ReadonlyArray<{ readonly measure: string; readonly summary: Summary }>;
  readonly diagnostics: number;
}

async function time(samples: number[], action: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await action();
  samples.push(performance.now() - start);
}

/** Cursor positions of the kinds each feature answers on, spread through the document. */
function positions(lines: readonly string[]): { headings: Position[]; entries: Position[]; blanks: Position[]; fields: Position[] } {
  const headings: Position[] = [];
  const entries: Position[] = [];
  const blanks: Position[] = [];
  const fields: Position[] = [];
  lines.forEach((text, line) => {
    const heading = /^(#{2,3}) /.exec(text);
    if (heading) headings.push({ line, character: heading[1].length + 1 });
    else if (text.startsWith('**') && !text.includes('**:')) entries.push({ line, character: 3 });
    else if (text === '' && line > 0 && lines[line - 1].startsWith('- ')) blanks.push({ line, character: 0 });
    const field = /^(- \*\*\w+\*\*: |\*\*(?:Status|Last Updated)\*\*: )/.exec(text);
    if (field) fields.push({ line, character: field[1].length + 1 });
  });
  return { headings, entries, blanks, fields };
}

/** `count` elements taken evenly across `items`, so that samples come from the whole document, not its start. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length === 0) return [];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count) % items.length]);
}

export interface DocPlan {
  readonly lines: number;
  readonly text: string;
  readonly edits: number;
  readonly requests: number;
}

/**
 * Opens the document, then times one-character edits (an insert, then its removal, so the text
 * stays the same) until their diagnostics arrive, and each feature request on the settled
 * version. The document is closed at the end.
 */
export async function measureDocument(server: BenchServer, uri: string, plan: DocPlan): Promise<DocTimings> {
  const { connection } = server;
  const lines = plan.text.split('\n');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: plan.text } });
  let diagnostics = await server.diagnostics(uri, 1);
  const textDocument = { uri };

  // Edit the end of prose lines across the document: type a character, then delete it.
  const editLines = spread(
    lines.map((text, line) => ({ text, line })).filter(({ text }) => text.startsWith('- Purpose: ')),
    plan.edits,
  );
  const edit: number[] = [];
  let version = 1;
  for (let i = 0; i < editLines.length; i++) {
    // Even edits type a character at the end of a line; odd ones delete it again.
    const target = editLines[i - (i % 2)];
    const at = { line: target.line, character: target.text.length };
    const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 's' } : { range: { start: at, end: { ...at, character: at.character + 1 } }, text: '' };
    const v = ++version;
    await time(edit, async () => {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [change] });
      diagnostics = await server.diagnostics(uri, v);
    });
  }

  const where = positions(lines);
  const completion: number[] = [];
  const completionSpots = spread([...where.headings, ...where.blanks, ...where.fields], plan.requests);
  for (const position of completionSpots) await time(completion, () => connection.sendRequest(CompletionRequest.type, { textDocument, position }));

  const hover: number[] = [];
  for (const position of spread([...where.headings, ...where.entries, ...where.fields], plan.requests)) {
    await time(hover, () => connection.sendRequest(HoverRequest.type, { textDocument, position }));
  }

  const symbols: number[] = [];
  for (let i = 0; i < plan.requests; i++) await time(symbols, () => connection.sendRequest(DocumentSymbolRequest.type, { textDocument }));

  // Code actions as the editor asks for them: at a diagnostic, with the diagnostics under it.
  // The first request at each diagnostic is also kept apart: later ones may be answered from memory.
  const actions: number[] = [];
  const firstActions: number[] = [];
  const asked = new Set<Diagnostic>();
  for (const d of spread(diagnostics, plan.requests)) {
    await time(actions, () => connection.sendRequest(CodeActionRequest.type, { textDocument, range: d.range, context: { diagnostics: [d] } }));
    if (!asked.has(d)) firstActions.push(actions[actions.length - 1]);
    asked.add(d);
  }

  // Completion right after a keystroke: the server first has to analyse the new version.
  const typed: number[] = [];
  for (const spot of spread(where.blanks, Math.min(plan.requests, 40))) {
    const { line } = spot;
    const typedVersion = ++version;
    const insert = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '#' };
    await time(typed, async () => {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: typedVersion }, contentChanges: [insert] });
      await connection.sendRequest(CompletionRequest.type, { textDocument, position: { line, character: 1 } });
    });
    const removed = ++version;
    const remove = { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: removed }, contentChanges: [remove] });
    await server.diagnostics(uri, removed);
  }

  await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument });
  return {
    lines: plan.lines,
    diagnostics: diagnostics.length,
    rows: [
      { measure: 'didChange → publishDiagnostics', summary: summarize(edit) },
      { measure: 'completion', summary: summarize(completion) },
      { measure: 'hover', summary: summarize(hover) },
      { measure: 'documentSymbol', summary: summarize(symbols) },
      { measure: 'codeAction', summary: summarize(actions) },
      { measure: 'codeAction, first request per diagnostic', summary: summarize(firstActions) },
      { measure: 'completion right after a keystroke', summary: summarize(typed) },
    ],
  };
}

/**
 * The server's memory with a document open and analysed, after a few requests have run on it
 * and a second of quiet, as when the document sits open in the editor.
 */
export async function memoryWith(server: BenchServer, uri: string, text: string): Promise<Memory | undefined> {
  const { connection } = server;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await server.diagnostics(uri, 1, 60_000);
  await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 4 } });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return server.memory();
}
