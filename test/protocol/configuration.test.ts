import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, MessageType } from 'vscode-languageserver-protocol/node';
import { Client, OpenDocument, workspace } from './harness.ts';
import { TEAM_TEMPLATE, VALID } from './fixtures.ts';

const codes = (params: { diagnostics: { code?: string | number }[] }): string[] => params.diagnostics.map((d) => String(d.code));
const DRAFT = '# Orbit\n\n## Overview\n\n[Project Name] overview.\n';

async function withServer(
  files: Record<string, string>,
  settings: Record<string, unknown>,
  body: (client: Client, ws: ReturnType<typeof workspace>) => Promise<void>,
  initializationOptions?: unknown,
): Promise<void> {
  const ws = workspace(files);
  const client = await Client.start({ folder: ws.dir, settings: () => settings, initializationOptions });
  try {
    await body(client, ws);
  } finally {
    await client.stop();
    ws.dispose();
  }
}

describe('settings', () => {
  it('takes severities from archdoc.severity and reads them again after didChangeConfiguration', async () => {
    const settings: Record<string, unknown> = { severity: { placeholder: 'error' } };
    await withServer({}, settings, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), DRAFT);
      const first = await doc.diagnostics();
      assert.deepEqual(first.diagnostics.filter((d) => d.code === 'placeholder').map((d) => d.severity), [1]);
      settings.severity = { placeholder: 'off' };
      const seen = client.published.length;
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const second = await client.nextDiagnostics(doc.uri, seen);
      assert.ok(!codes(second).includes('placeholder'));
      assert.ok(codes(second).includes('missing-section'));
    });
  });

  it('checks files matched by archdoc.files and only those', async () => {
    await withServer({}, { files: ['design/*.md'] }, async (client, ws) => {
      const matched = await OpenDocument.open(client, ws.uri('design/api.md'), DRAFT);
      assert.ok(codes(await matched.diagnostics()).includes('placeholder'));
      const other = await OpenDocument.open(client, ws.uri('notes/api.md'), DRAFT);
      assert.deepEqual(codes(await other.diagnostics()), []);
    });
  });

  it('declines a document larger than archdoc.maxFileSize with one diagnostic and one message', async () => {
    await withServer({}, { maxFileSize: 1000 }, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), VALID);
      assert.deepEqual(codes(await doc.diagnostics()), ['file-too-large']);
      await doc.edit([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      await doc.diagnostics();
      assert.equal(client.messages.filter((m) => m.message.includes('maxFileSize')).length, 1);
    });
  });
});

describe('templates', () => {
  it('uses archdoc.template, relative to the workspace folder', async () => {
    await withServer({ 'team/note.md': TEAM_TEMPLATE }, { template: 'team/note.md' }, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), '# Billing\n\n## Purpose\n\nBills.\n\n**Status**: Final\n');
      const published = await doc.diagnostics();
      assert.deepEqual(codes(published), ['missing-section']);
      assert.match(String(published.diagnostics[0].message), /Risks/);
    });
  });

  it('picks the template of the first archdoc.templates glob that matches', async () => {
    await withServer({ 'team/note.md': TEAM_TEMPLATE }, { templates: { 'services/**/*.md': 'team/note.md' }, files: ['services/**/*.md'] }, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('services/billing/NOTE.md'), '# Billing\n\n## Purpose\n\nBills.\n\n## Risks\n\nNone.\n\n**Status**: Final\n');
      assert.deepEqual(codes(await doc.diagnostics()), []);
    });
  });

  it('honours a per-file template named in front matter, relative to the document', async () => {
    await withServer({ 'docs/note.md': TEAM_TEMPLATE }, {}, async (client, ws) => {
      const text = '---\narchdoc-template: note.md\n---\n# Billing\n\n## Purpose\n\nBills.\n\n**Status**: Later\n';
      const doc = await OpenDocument.open(client, ws.uri('docs/billing.md'), text);
      assert.deepEqual(codes(await doc.diagnostics()).sort(), ['invalid-value', 'missing-section']);
    });
  });

  it('reports a missing template once, as one template-error on line 0 and no other check', async () => {
    await withServer({}, { template: 'nowhere.md' }, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), DRAFT);
      const published = await doc.diagnostics();
      assert.deepEqual(codes(published), ['template-error']);
      assert.equal(published.diagnostics[0].range.start.line, 0);
      await doc.edit([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      assert.deepEqual(codes(await doc.diagnostics()), ['template-error']);
      const errors = client.messages.filter((m) => m.type === MessageType.Error);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /nowhere\.md/);
    });
  });

  it('reports a template without headings as a template error', async () => {
    await withServer({ 'bad.md': 'just words\n' }, { template: 'bad.md' }, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), DRAFT);
      assert.deepEqual(codes(await doc.diagnostics()), ['template-error']);
    });
  });

  it('checks open documents again when their template changes on disk', async () => {
    await withServer({ 'team/note.md': TEAM_TEMPLATE }, { template: 'team/note.md' }, async (client, ws) => {
      await client.waitFor('the file watcher registration', () => client.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method));
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), '# Billing\n\n## Purpose\n\nBills.\n\n## Risks\n\nFew.\n\n**Status**: Final\n');
      assert.deepEqual(codes(await doc.diagnostics()), []);
      ws.write('team/note.md', TEAM_TEMPLATE.replace('## Risks', '## Risks\n\nWhat could go wrong.\n\n## Owners'));
      const seen = client.published.length;
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri('team/note.md'), type: FileChangeType.Changed }] });
      const again = await client.nextDiagnostics(doc.uri, seen);
      assert.deepEqual(codes(again), ['missing-section']);
      assert.match(String(again.diagnostics[0].message), /Owners/);
    });
  });

  it('notices on its own when a template outside the workspace folder changes on disk', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'archdoc-outside-'));
    const template = path.join(outside, 'note.md');
    writeFileSync(template, TEAM_TEMPLATE);
    try {
      await withServer({}, { template }, async (client, ws) => {
        const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), '# Billing\n\n## Purpose\n\nBills.\n\n## Risks\n\nFew.\n\n**Status**: Final\n');
        assert.deepEqual(codes(await doc.diagnostics()), []);
        const seen = client.published.length;
        writeFileSync(template, TEAM_TEMPLATE.replace('## Risks', '## Risks\n\nWhat could go wrong.\n\n## Owners'));
        assert.deepEqual(codes(await client.nextDiagnostics(doc.uri, seen)), ['missing-section']);
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('in an untrusted workspace, refuses a template outside the workspace folder but reads one inside', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'archdoc-outside-'));
    writeFileSync(path.join(outside, 'note.md'), TEAM_TEMPLATE);
    const settings: Record<string, unknown> = { template: path.join(outside, 'note.md') };
    try {
      await withServer({ 'note.md': TEAM_TEMPLATE }, settings, async (client, ws) => {
        const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), '# Billing\n\n## Purpose\n\nBills.\n\n## Risks\n\nFew.\n\n**Status**: Final\n');
        const refused = await doc.diagnostics();
        assert.deepEqual(codes(refused), ['template-error']);
        assert.match(String(refused.diagnostics[0].message), /not trusted/);
        settings.template = 'note.md';
        const seen = client.published.length;
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
        assert.deepEqual(codes(await client.nextDiagnostics(doc.uri, seen)), []);
      }, { trusted: false });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('serves a client without workspace/configuration from the settings in initializationOptions', async () => {
    const ws = workspace();
    const capabilities = { textDocument: {}, workspace: {} };
    const client = await Client.start({ folder: ws.dir, capabilities, initializationOptions: { settings: { severity: { placeholder: 'hint' } } } });
    try {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), DRAFT);
      const placeholders = (await doc.diagnostics()).diagnostics.filter((d) => d.code === 'placeholder');
      assert.deepEqual(placeholders.map((d) => d.severity), [4]);
      assert.equal(client.configurationRequests.length, 0);
    } finally {
      await client.stop();
      ws.dispose();
    }
  });
});
