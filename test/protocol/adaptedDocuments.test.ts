/**
 * Documents that adapt the template or don't follow it, through the real server over stdio:
 * the notice's opt-in and opt-out quick fixes applied and the document checked again, and
 * sections declared not applicable in the `archdoc/outline` answer.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { OutlineRequest, type OutlineNode, type OutlineResult } from '../../server/src/protocol.ts';
import { Client, OpenDocument, ROOT, workspace } from './harness.ts';
import { VALID } from './fixtures.ts';
import { realDocuments } from '../helpers/realDocuments.ts';

const UNRELATED = readFileSync(path.join(ROOT, 'test', 'fixtures', 'unrelated', 'birds-eye-view.md'), 'utf8').replace(/ <!-- expect: [^>]*-->/g, '');

function find(nodes: readonly OutlineNode[], title: string): OutlineNode | undefined {
  for (const n of nodes) {
    if (n.title === title) return n;
    const child = find(n.children, title);
    if (child) return child;
  }
  return undefined;
}

describe('adapted and unrelated documents over the protocol', () => {
  const ws = workspace();
  let client: Client;
  before(async () => {
    client = await Client.start({ folder: ws.dir });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  async function noticeFixes(doc: OpenDocument): Promise<{ notice: Diagnostic; actions: CodeAction[] }> {
    const { diagnostics } = await doc.diagnostics();
    assert.equal(diagnostics.length, 1, 'one notice');
    const [notice] = diagnostics;
    assert.equal(notice.severity, 3);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: notice.range,
      context: { diagnostics: [notice], only: ['quickfix'] },
    })) as CodeAction[];
    return { notice, actions };
  }

  it("opts a document that doesn't follow the template in with the notice's quick fix, and checks it fully", async () => {
    const doc = await OpenDocument.open(client, ws.uri('in/ARCHITECTURE.md'), UNRELATED);
    const { actions } = await noticeFixes(doc);
    const optIn = actions.find((a) => a.title.startsWith('Check this document against the template'));
    assert.ok(optIn, `offered: ${actions.map((a) => a.title).join('; ')}`);
    await doc.apply(optIn.edit);
    assert.ok(doc.text.startsWith('<!-- archdoc -->\n'));
    const { diagnostics } = await doc.diagnostics();
    const missing = diagnostics.find((d) => d.code === 'missing-section');
    assert.equal(missing?.severity, 2);
    assert.equal((missing?.data as { sections: unknown[] }).sections.length, 16);
  });

  it("opts it out with the other quick fix: its diagnostics are cleared and it has no outline", async () => {
    const doc = await OpenDocument.open(client, ws.uri('out/ARCHITECTURE.md'), UNRELATED);
    const { actions } = await noticeFixes(doc);
    const optOut = actions.find((a) => a.title.startsWith("Don't check this document"));
    assert.ok(optOut, `offered: ${actions.map((a) => a.title).join('; ')}`);
    const count = client.published.length;
    await doc.apply(optOut.edit);
    assert.ok(doc.text.startsWith('<!-- archdoc: false -->\n'));
    const cleared = await client.nextDiagnostics(doc.uri, count);
    assert.deepEqual(cleared.diagnostics, []);
    assert.equal(await client.connection.sendRequest(OutlineRequest, { uri: doc.uri }), null);
  });

  it('answers archdoc/outline with sections declared not applicable as present, not missing', async () => {
    const text = VALID.replace(/\n## Deployment\n[\s\S]*?(?=\n## Monitoring)/, '\n## Deployment\n\nNot applicable: the ledger ships as a library.\n').replace(
      /\n## Monitoring and Observability\n[\s\S]*?(?=\n## Decision Log)/,
      '\n<!-- archdoc: not-applicable Monitoring and Observability -->\n',
    );
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/not-applicable.md'), text);
    assert.deepEqual((await doc.diagnostics()).diagnostics, []);
    const result = (await client.connection.sendRequest(OutlineRequest, { uri: doc.uri })) as OutlineResult;
    for (const title of ['Deployment', 'Rollback Procedure', 'Monitoring and Observability', 'Logging']) {
      const node = find(result.nodes, title);
      assert.deepEqual([node?.state, node?.description], ['done', 'not applicable'], title);
    }
    assert.equal(result.sectionsWritten, result.sectionsRequired);
  });

  /** Applies the server's fix-all until it offers nothing more (at most five rounds), as an editor does on save. */
  async function fixAll(doc: OpenDocument): Promise<void> {
    for (let round = 0; round < 5; round++) {
      await doc.diagnostics();
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: doc.uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.archdoc'] },
      })) as CodeAction[];
      const edit = actions[0]?.edit;
      const edits = [...Object.values(edit?.changes ?? {}).flat(), ...(edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : []))];
      if (edits.length === 0) return;
      await doc.apply(edit);
    }
  }

  it("changes no heading of any real document with the server's fix-all, found by its name or opted in", async () => {
    const headings = (text: string): string[] => text.split('\n').filter((l) => /^#{1,6} /.test(l));
    const changed: string[] = [];
    for (const real of realDocuments()) {
      // A date written year first gives fix-all one certain edit to make in every document.
      const dated = `${real.text}\n**Last Updated**: 2026/11/20\n`;
      for (const [where, text] of [[`real/${real.name}/ARCHITECTURE.md`, dated], [`opted/${real.name}.md`, `<!-- archdoc -->\n${dated}`]] as const) {
        const doc = await OpenDocument.open(client, ws.uri(where), text);
        await fixAll(doc);
        assert.match(doc.text, /\*\*Last Updated\*\*: 2026-11-20\n$/, `fix-all made its certain edit in ${where}`);
        if (JSON.stringify(headings(doc.text)) !== JSON.stringify(headings(text))) changed.push(where);
      }
    }
    assert.deepEqual(changed, []);
  });
});
