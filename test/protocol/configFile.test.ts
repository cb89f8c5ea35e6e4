/** The config file as the real server reads it over stdio: precedence, a broken file, and changes on disk. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType, MessageType } from 'vscode-languageserver-protocol/node';
import { Client, OpenDocument, workspace } from './harness.ts';
import { TEAM_TEMPLATE } from './fixtures.ts';

const codes = (params: { diagnostics: { code?: string | number }[] }): string[] => params.diagnostics.map((d) => String(d.code)).sort();
const DRAFT = '# Orbit\n\n## Overview\n\n[Project Name] overview.\n';
const TEAM_DOC = '# Billing\n\n## Purpose\n\nBills.\n\n## Risks\n\nFew.\n\n**Status**: Final\n';

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

describe('the config file', () => {
  it('wins over the editor settings for the keys it sets, says so once, and leaves the other keys to the settings', async () => {
    const files = { '.archdoc.jsonc': '// team\n{ "template": "team/note.md", "severity": { "missing-section": "off" } }', 'team/note.md': TEAM_TEMPLATE };
    await withServer(files, { template: 'elsewhere.md', severity: { 'invalid-value': 'hint' } }, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), TEAM_DOC.replace('## Risks\n\nFew.\n\n', '').replace('Final', 'Done'));
      const published = await doc.diagnostics();
      // The team template from the file (not elsewhere.md); missing-section off by the file; invalid-value a hint by the settings.
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['invalid-value', 4]]);
      await client.waitFor('the override message', () => client.messages.some((m) => /overrides your archdoc.template setting/.test(m.message)));
      assert.equal(client.messages.filter((m) => m.type === MessageType.Info).length, 1);
    });
  });

  it('gives a broken file one diagnostic that names its line, one message, and checks again once it is fixed', async () => {
    await withServer({ '.archdoc.json': '{\n  "severty": { "placeholder": "off" }\n}\n' }, {}, async (client, ws) => {
      await client.waitFor('the file watcher registration', () => client.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method));
      const doc = await OpenDocument.open(client, ws.uri('docs/architecture/ledger.md'), DRAFT);
      const broken = await doc.diagnostics();
      assert.deepEqual(codes(broken), ['config-error']);
      assert.match(String(broken.diagnostics[0].message), /\.archdoc\.json:2:3: unknown key "severty"/);
      assert.equal(broken.diagnostics[0].relatedInformation?.[0].location.uri, ws.uri('.archdoc.json'));
      assert.equal(client.messages.filter((m) => m.type === MessageType.Error).length, 1);
      ws.write('.archdoc.json', '{ "severity": { "placeholder": "off" } }\n');
      const seen = client.published.length;
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri('.archdoc.json'), type: FileChangeType.Changed }] });
      const fixed = await client.nextDiagnostics(doc.uri, seen);
      assert.ok(!codes(fixed).includes('config-error') && !codes(fixed).includes('placeholder'), codes(fixed).join(' '));
    });
  });

  it('is noticed when it is created, and a nearer one replaces it', async () => {
    await withServer({ 'svc/ARCHITECTURE.md': DRAFT }, {}, async (client, ws) => {
      await client.waitFor('the file watcher registration', () => client.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method));
      const doc = await OpenDocument.open(client, ws.uri('svc/ARCHITECTURE.md'), DRAFT);
      assert.ok(codes(await doc.diagnostics()).includes('placeholder'));
      ws.write('.archdoc.jsonc', '{ "severity": { "placeholder": "off" } }');
      let seen = client.published.length;
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri('.archdoc.jsonc'), type: FileChangeType.Created }] });
      assert.ok(!codes(await client.nextDiagnostics(doc.uri, seen)).includes('placeholder'));
      ws.write('svc/.archdoc.json', '{ "severity": { "empty-section": "off" } }');
      seen = client.published.length;
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri('svc/.archdoc.json'), type: FileChangeType.Created }] });
      assert.ok(codes(await client.nextDiagnostics(doc.uri, seen)).includes('placeholder'));
    });
  });

  it('in a restricted workspace still applies, but reads no template outside the workspace folder', async () => {
    await withServer({ '.archdoc.jsonc': '{ "template": "/etc/archdoc-team.md", "severity": { "template-error": "warning" } }' }, {}, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), DRAFT);
      const published = await doc.diagnostics();
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['template-error', 2]]);
      assert.match(String(published.diagnostics[0].message), /outside the workspace folder and the workspace is not trusted/);
    }, { trusted: false });
  });
});
