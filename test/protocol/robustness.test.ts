import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, DocumentSymbolRequest, HoverRequest, LSPErrorCodes, ResponseError, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { Client, OpenDocument, workspace } from './harness.ts';
import { VALID } from './fixtures.ts';

describe('a server that survives', () => {
  const ws = workspace();
  let client: Client;
  before(async () => {
    client = await Client.start({ folder: ws.dir });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  it('answers a request that throws with an empty result, logs it, and keeps serving', async () => {
    const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), VALID);
    await doc.diagnostics();
    // No text document at all: the handler fails on its own input.
    const broken = await client.connection.sendRequest(HoverRequest.method, { position: { line: 0, character: 0 } });
    assert.equal(broken, null);
    await client.waitFor('the failure in the log', () => client.logs.some((l) => l.startsWith('hover failed')));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, 'Orbit Ledger Architecture');
    assert.ok(client.alive);
  });

  it('answers a request cancelled while it waits with RequestCancelled', async () => {
    let release = (): void => undefined;
    client.configurationGate = new Promise((resolve) => {
      release = resolve;
    });
    const asked = client.configurationRequests.length;
    const uri = ws.uri('docs/architecture/held.md');
    await client.open(uri, VALID);
    // The server is now waiting for this document's settings; the symbol request waits with it.
    await client.waitFor('the settings request', () => client.configurationRequests.length > asked);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token);
    source.cancel();
    client.configurationGate = undefined;
    release();
    await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
  });
});
