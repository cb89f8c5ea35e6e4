/**
 * What a workspace can make the server do: read which templates, hold which limits, keep which
 * watches and show how many messages. Each test drives the real server over stdio.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { Client, OpenDocument, workspace } from './harness.ts';
import { TEAM_TEMPLATE, VALID } from './fixtures.ts';
import { OutlineRequest, type OutlineResult } from '../../server/src/protocol.ts';

const codes = (params: { diagnostics: { code?: string | number }[] }): string[] => params.diagnostics.map((d) => String(d.code));
const TEAM_DOC = '# Billing\n\n## Purpose\n\nBills.\n\n## Risks\n\nFew.\n\n**Status**: Final\n';

async function withServer(
  settings: Record<string, unknown>,
  body: (client: Client, ws: ReturnType<typeof workspace>) => Promise<void>,
  initializationOptions?: unknown,
  files: Record<string, string> = {},
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

/** The inotify watches a process holds, read from /proc (Linux only). */
function inotifyWatches(pid: number): number {
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fdinfo`)) {
    try {
      count += readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').split('\n').filter((l) => l.startsWith('inotify wd:')).length;
    } catch {
      // The descriptor closed between listing and reading.
    }
  }
  return count;
}

describe('restricted mode and what a workspace can ask of the server', () => {
  it('in an untrusted workspace, archdoc.maxFileSize can lower the size limit but not raise it', async () => {
    let big = '';
    while (Buffer.byteLength(big) <= 5_000_000) big += VALID + '\n';
    await withServer({ maxFileSize: 100_000_000 }, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), big);
      assert.deepEqual(codes(await doc.diagnostics(30_000)), ['file-too-large']);
    }, { trusted: false });
    await withServer({ maxFileSize: 1000 }, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), VALID);
      assert.deepEqual(codes(await doc.diagnostics()), ['file-too-large']);
    }, { trusted: false });
  });

  it('an untitled document uses the bundled template unless the workspace is trusted and it names an absolute path', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'archdoc-untitled-'));
    const template = path.join(outside, 'team.md');
    writeFileSync(template, TEAM_TEMPLATE);
    writeFileSync(path.join(process.cwd(), '.archdoc-untitled-team.tmp.md'), TEAM_TEMPLATE);
    try {
      for (const [trusted, marker, team] of [
        [true, template, true],
        [false, template, false],
        [true, '.archdoc-untitled-team.tmp.md', false],
      ] as const) {
        await withServer({}, async (client) => {
          const doc = await OpenDocument.open(client, 'untitled:Untitled-1', `<!-- archdoc-template: ${marker} -->\n${TEAM_DOC}`);
          const found = codes(await doc.diagnostics());
          // The team template has Purpose and Risks; the bundled one asks for its own sections.
          assert.equal(!found.includes('missing-section'), team, `trusted ${trusted}, ${marker}: ${found.join(' ')}`);
        }, { trusted });
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(path.join(process.cwd(), '.archdoc-untitled-team.tmp.md'), { force: true });
    }
  });

  it('does not check a document against another template when the one the workspace set is ignored', async () => {
    const files = { 'templates/team.md': TEAM_TEMPLATE };
    const ignoredTemplates = (dir: string) => ({ [pathToFileURL(dir).href]: 'templates/team.md' });
    // The workspace's setting is hidden from the server: it would fall back to the bundled template.
    const ws = workspace(files);
    const client = await Client.start({ folder: ws.dir, initializationOptions: { trusted: false, ignoredTemplates: ignoredTemplates(ws.dir) } });
    try {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), TEAM_DOC);
      assert.deepEqual(codes(await doc.diagnostics()), [], 'no finding from the bundled template');
      const outline = (await client.connection.sendRequest(OutlineRequest, { uri: doc.uri })) as OutlineResult;
      assert.equal(outline.ignoredTemplate, 'templates/team.md');
      assert.deepEqual(outline.nodes, []);
      assert.match(outline.error ?? '', /Restricted Mode ignores the template this workspace sets \(templates\/team\.md\)/);
      // The document's own marker still names a template inside the folder, and is followed.
      const marked = await OpenDocument.open(client, ws.uri('docs/ARCHITECTURE.md'), `<!-- archdoc-template: ../templates/team.md -->\n${TEAM_DOC}`);
      assert.deepEqual(codes(await marked.diagnostics()), []);
      const markedOutline = (await client.connection.sendRequest(OutlineRequest, { uri: marked.uri })) as OutlineResult;
      assert.equal(markedOutline.ignoredTemplate, undefined);
      assert.deepEqual(markedOutline.nodes.map((n) => n.title), ['Purpose', 'Risks']);
      assert.ok(client.logs.some((line) => /not trusted \(Restricted Mode\).*templates\/team\.md, ignored in Restricted Mode/.test(line)), client.logs.join('\n'));
    } finally {
      await client.stop();
      ws.dispose();
    }
    // A config file is read in Restricted Mode too: the template it names is the workspace's choice, and is used.
    const configured = workspace({ ...files, '.archdoc.jsonc': '{ "template": "templates/team.md" }' });
    const second = await Client.start({ folder: configured.dir, initializationOptions: { trusted: false, ignoredTemplates: ignoredTemplates(configured.dir) } });
    try {
      const doc = await OpenDocument.open(second, configured.uri('ARCHITECTURE.md'), TEAM_DOC);
      await doc.diagnostics();
      const outline = (await second.connection.sendRequest(OutlineRequest, { uri: doc.uri })) as OutlineResult;
      assert.equal(outline.ignoredTemplate, undefined);
      assert.deepEqual(outline.nodes.map((n) => n.title), ['Purpose', 'Risks']);
    } finally {
      await second.stop();
      configured.dispose();
    }
  });

  it('typing a template path into a marker shows one error message, not one per keystroke', async () => {
    await withServer({}, async (client, ws) => {
      const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), `<!-- archdoc-template: t -->\n${TEAM_DOC}`);
      await doc.diagnostics();
      const typed = 'emplates/team/architecture-template.md';
      for (let i = 0; i < typed.length; i++) {
        const at = { line: 0, character: 23 + i };
        await doc.edit([{ range: { start: at, end: at }, text: typed[i] }]);
      }
      assert.deepEqual(codes(await doc.diagnostics()), ['template-error']);
      assert.equal(client.messages.filter((m) => m.type === MessageType.Error).length, 1);
    });
  });

  it('watches only the folders of templates that open documents use', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'archdoc-watches-'));
    for (let i = 0; i <= 100; i++) mkdirSync(path.join(outside, `d${i}`));
    try {
      await withServer({}, async (client, ws) => {
        const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), `<!-- archdoc-template: ${outside}/d0/t.md -->\n# A\n`);
        await doc.diagnostics();
        const before = inotifyWatches(client.process.pid!);
        for (let i = 1; i <= 100; i++) {
          const line = `<!-- archdoc-template: ${outside}/d${i}/t.md -->`;
          await doc.edit([{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: line + '\n' }]);
          await doc.diagnostics();
        }
        const after = inotifyWatches(client.process.pid!);
        assert.ok(after <= before + 1, `${before} inotify watches before 100 edits, ${after} after`);
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
