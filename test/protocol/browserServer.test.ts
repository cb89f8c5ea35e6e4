/**
 * The browser build's language server in a realm with a Web Worker's globals and none of
 * Node's (see worker.ts): the same engine and policy as the Node server, the bundled template
 * embedded, every other file read through the client by URI.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { CAPABILITIES } from './harness.ts';
import { startWorkerServer, type WorkerServer } from './worker.ts';

const ROOT = 'vscode-vfs://github/acme/shop';
const TIMEOUT_MS = 10_000;

const CUSTOM_TEMPLATE = `# [Project Name]

## Purpose

Why the service exists.

## Runbook

How to operate it.
`;

describe('the language server in a Web Worker', () => {
  let server: WorkerServer;
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const messages: ShowMessageParams[] = [];
  const waiters: (() => void)[] = [];
  let initialized: InitializeResult;

  before(async () => {
    server = startWorkerServer(
      new Map([
        [`${ROOT}/templates/service.md`, CUSTOM_TEMPLATE],
        [`${ROOT}/services/billing/ARCHITECTURE.md`, ''],
        [`${ROOT}/teams/ops/.archdoc.jsonc`, '{\n  // The ops team documents services with a runbook.\n  "template": "runbook.md"\n}\n'],
        [`${ROOT}/teams/ops/runbook.md`, CUSTOM_TEMPLATE.replace('## Runbook', '## On Call')],
      ]),
    );
    const { connection } = server;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      diagnostics.set(params.uri, params);
      for (const wake of waiters.splice(0)) wake();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      messages.push(params);
    });
    connection.onRequest(RegistrationRequest.type, () => {});
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => ({ templates: { 'services/*/ARCHITECTURE.md': 'templates/service.md' } })),
    );
    initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: ROOT,
      workspaceFolders: [{ uri: ROOT, name: 'shop' }],
      capabilities: CAPABILITIES,
      initializationOptions: { trusted: true },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(() => server.connection.dispose());

  function open(uri: string, text: string): Promise<void> {
    return server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  function published(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      const check = () => {
        const found = diagnostics.get(uri);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(check);
      };
      check();
    });
  }

  const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => String(d.code));

  test('starts without Node and offers the features the Node server offers', () => {
    const { capabilities } = initialized;
    assert.ok(capabilities.completionProvider);
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.archdoc'] });
  });

  test('checks a document on a virtual file system against the embedded bundled template', async () => {
    const uri = `${ROOT}/ARCHITECTURE.md`;
    await open(uri, '# [Project Name]\n\n## Overview\n\nThe shop.\n');
    const found = codes(await published(uri));
    assert.ok(found.includes('placeholder'), found.join(', '));
    assert.ok(found.includes('missing-section'), found.join(', '));
  });

  test('reads a template chosen by glob through the client, by URI', async () => {
    const uri = `${ROOT}/services/billing/ARCHITECTURE.md`;
    await open(uri, '# Billing\n\n## Purpose\n\nInvoices.\n');
    const params = await published(uri);
    assert.ok(server.reads.includes(`${ROOT}/templates/service.md`), `reads: ${server.reads.join(', ')}`);
    const missing = params.diagnostics.filter((d) => d.code === 'missing-section').map((d) => String(d.message));
    assert.equal(missing.length, 1, missing.join('; '));
    assert.match(missing[0], /Runbook/);
  });

  test('reads the config file nearest a document through the client, and the template it names', async () => {
    const uri = `${ROOT}/teams/ops/ARCHITECTURE.md`;
    await open(uri, '# Ops\n\n## Purpose\n\nPaging.\n');
    const params = await published(uri);
    assert.ok(server.reads.includes(`${ROOT}/teams/ops/.archdoc.jsonc`), `reads: ${server.reads.join(', ')}`);
    const missing = params.diagnostics.filter((d) => d.code === 'missing-section').map((d) => String(d.message));
    assert.equal(missing.length, 1, missing.join('; '));
    assert.match(missing[0], /On Call/);
  });

  test('says once, not per document, that stale-date is skipped because git cannot run here', () => {
    const said = messages.filter((m) => m.message.includes('stale-date'));
    assert.equal(said.length, 1, messages.map((m) => m.message).join('\n'));
    assert.match(said[0].message, /git/);
  });
});
