/**
 * The server keeps serving whatever it is sent, and keeps no memory of closed documents.
 * Malformed requests are answered and logged; notifications about documents it never opened,
 * edits out of range and garbage parameters change nothing for the documents it holds.
 * Memory: 200 documents opened and closed and 10,000 edits leave the server's heap and RSS
 * flat (measured after a full collection, figures printed; the bound is generous so that it
 * cannot flake but catches a per-document leak).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnose } from '../helpers/core.ts';
import { TEMPLATE_TEXT } from './helpers/documents.ts';
import { Server, type MemoryFigures } from './helpers/server.ts';

const MB = 1024 * 1024;

describe('a server sent malformed and out-of-order messages', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'archdoc-reliability-survival-'));
  const uri = pathToFileURL(path.join(folder, 'ARCHITECTURE.md')).href;
  let server: Server;
  before(async () => {
    server = await Server.start(folder);
    await server.open(uri, TEMPLATE_TEXT);
    await server.diagnosticsAt(uri, 1);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers every feature request with broken parameters, logs the failures and keeps serving', async () => {
    const garbage: unknown[] = [{}, { textDocument: {} }, { textDocument: { uri: 42 }, position: 'x' }, { textDocument: { uri }, position: { line: -5, character: 1e9 } }, { textDocument: { uri }, range: null, context: null }];
    for (const params of garbage) {
      for (const method of [CompletionRequest.method, HoverRequest.method, DocumentSymbolRequest.method, CodeActionRequest.method, 'archdoc/outline', 'archdoc/render', 'archdoc/templates']) {
        // Answered, with a result or an error: never left hanging, never fatal.
        await server.connection.sendRequest(method, params).catch((error: unknown) => assert.ok(error instanceof Error, `${method} rejected with ${String(error)}`));
      }
    }
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, 'Architecture');
    assert.ok(server.logs.some((l) => / failed: /.test(l)), 'no failure was logged');
    assert.ok(server.alive);
  });

  it('ignores changes and closes for documents it never opened, and edits with ranges past the end', async () => {
    const stranger = pathToFileURL(path.join(folder, 'docs/architecture/never-opened.md')).href;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: stranger, version: 2 }, contentChanges: [{ text: '# x' }] });
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: stranger } });
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri } });
    await server.connection.sendNotification('textDocument/didOpen', {});
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { archdoc: { maxFileSize: 'huge', severity: 'loud', files: 7 } } });
    // Past the end: the document manager clamps, as the client's own TextDocument does.
    let doc = TextDocument.create(uri, 'markdown', 1, TEMPLATE_TEXT);
    const change = { range: { start: { line: 10_000, character: 5 }, end: { line: 20_000, character: 0 } }, text: '\n## Tail\n' };
    doc = TextDocument.update(doc, [change], 2);
    await server.change(uri, 2, [change]);
    const published = await server.diagnosticsAt(uri, 2);
    assert.deepEqual(published.diagnostics, JSON.parse(JSON.stringify(diagnose(doc.getText()))));
    assert.ok(server.alive);
  });
});

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

describe('server memory', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'archdoc-reliability-memory-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('stays flat over 200 documents opened and closed and 10,000 edits', async (t) => {
    const server = await Server.start(folder, { memoryProbe: true });
    try {
      const round = async (prefix: string): Promise<void> => {
        for (let i = 0; i < 100; i++) {
          const uri = pathToFileURL(path.join(folder, `docs/architecture/${prefix}-${i}.md`)).href;
          await server.open(uri, TEMPLATE_TEXT.replace('[Project Name]', `Project ${i}`));
          await server.diagnosticsAt(uri, 1);
          await server.close(uri);
        }
        const uri = pathToFileURL(path.join(folder, `docs/architecture/${prefix}-edited.md`)).href;
        let doc = TextDocument.create(uri, 'markdown', 1, TEMPLATE_TEXT);
        await server.open(uri, TEMPLATE_TEXT);
        for (let i = 0; i < 5000; i++) {
          // Type a character, then delete it: the text stays the size of the template.
          const at = doc.positionAt((i * 7919) % doc.getText().length);
          const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
          doc = TextDocument.update(doc, [change], doc.version + 1);
          await server.change(uri, doc.version, [change]);
          if (i % 500 === 499) await server.diagnosticsAt(uri, doc.version);
        }
        await server.diagnosticsAt(uri, doc.version);
        await server.close(uri);
      };
      // A first round warms caches and JIT; growth is measured over the second.
      await round('warm');
      const before: MemoryFigures = await server.memory();
      const start = performance.now();
      await round('measured');
      const elapsed = performance.now() - start;
      const afterRound: MemoryFigures = await server.memory();
      const heap = afterRound.heapUsed - before.heapUsed;
      const rss = afterRound.rss - before.rss;
      t.diagnostic(`heap ${mb(before.heapUsed)} → ${mb(afterRound.heapUsed)} (${heap >= 0 ? '+' : ''}${mb(heap)}); RSS ${mb(before.rss)} → ${mb(afterRound.rss)} (${rss >= 0 ? '+' : ''}${mb(rss)}); 100 documents and 5,000 edits in ${(elapsed / 1000).toFixed(1)} s`);
      assert.ok(heap < 10 * MB, `heap grew by ${mb(heap)} over 100 documents and 5,000 edits`);
      assert.ok(rss < 30 * MB, `RSS grew by ${mb(rss)} over 100 documents and 5,000 edits`);
    } finally {
      await server.stop();
    }
  });
});
