import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { engine, bundledSchema } from '../helpers/core.ts';
import { Client, OpenDocument, workspace } from './harness.ts';
import { line, VALID } from './fixtures.ts';

const codes = (params: { diagnostics: { code?: string | number }[] }): string[] => params.diagnostics.map((d) => String(d.code));

describe('pushed diagnostics', () => {
  const ws = workspace();
  let client: Client;
  before(async () => {
    client = await Client.start({ folder: ws.dir });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  it('announces incremental sync, `#` completion, symbols, hover and the fix-all code action kind', () => {
    const caps = client.initializeResult?.capabilities;
    assert.deepEqual(caps?.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(caps?.completionProvider?.triggerCharacters, ['#']);
    assert.equal(caps?.documentSymbolProvider, true);
    assert.equal(caps?.hoverProvider, true);
    assert.deepEqual((caps?.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.archdoc']);
  });

  it('publishes nothing for a fully written ARCHITECTURE.md, tagged with its version', async () => {
    const doc = await OpenDocument.open(client, ws.uri('ARCHITECTURE.md'), VALID);
    const published = await doc.diagnostics();
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics, []);
  });

  it('reports a defect introduced by an incremental edit, and drops it when the edit is undone', async () => {
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/ledger.md'), VALID);
    await doc.diagnostics();
    const at = line(VALID, '## Security');
    await doc.edit([{ range: { start: { line: at, character: 5 }, end: { line: at, character: 6 } }, text: '' }]);
    const broken = await doc.diagnostics();
    assert.deepEqual(codes(broken), ['heading-typo']);
    assert.equal(broken.diagnostics[0].range.start.line, at);
    assert.equal(broken.diagnostics[0].source, 'archdoc');
    await doc.edit([{ range: { start: { line: at, character: 5 }, end: { line: at, character: 5 } }, text: 'c' }]);
    assert.deepEqual(codes(await doc.diagnostics()), []);
  });

  it('publishes for each version only the diagnostics of that version, however fast the edits come', async () => {
    const schema = bundledSchema();
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/fast.md'), VALID);
    await doc.diagnostics();
    const texts = new Map<number, string>([[1, doc.text]]);
    const first = client.published.length;
    const at = line(VALID, '**Status**');
    for (const ch of ['X', 'Y', 'Z', '[', 'Q', ']']) {
      const version = await doc.edit([{ range: { start: { line: at, character: 12 }, end: { line: at, character: 12 } }, text: ch }]);
      texts.set(version, doc.text);
    }
    await doc.diagnostics();
    const publications = client.published.slice(first).filter((p) => p.uri === doc.uri);
    assert.ok(publications.length >= 1);
    for (const p of publications) {
      const text = texts.get(p.version ?? -1);
      assert.ok(text !== undefined, `published version ${p.version} was sent`);
      const expected = engine.check(engine.analyze(text, schema));
      assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range]), expected.map((d) => [d.code, d.range]));
    }
    assert.equal(publications[publications.length - 1].version, doc.version);
  });

  it('checks an untitled markdown document once it holds a few of the template\'s sections', async () => {
    const scaffold = await OpenDocument.open(client, 'untitled:Untitled-1', VALID.replace('for Orbit Ledger,', 'for [Project Name],'));
    assert.deepEqual(codes(await scaffold.diagnostics()), ['placeholder']);
    const note = await OpenDocument.open(client, 'untitled:Untitled-2', '# Shopping\n\n## Overview\n\n[Project Name]\n');
    assert.deepEqual((await note.diagnostics()).diagnostics, []);
  });

  it('publishes an empty list for a markdown file that is not an architecture document', async () => {
    const doc = await OpenDocument.open(client, ws.uri('README.md'), '# Readme\n\n[Project Name] and YYYY-MM-DD\n');
    assert.deepEqual((await doc.diagnostics()).diagnostics, []);
  });

  it('checks any markdown file that opts in with an `<!-- archdoc -->` comment or `archdoc: true` front matter', async () => {
    const comment = await OpenDocument.open(client, ws.uri('notes/one.md'), '<!-- archdoc -->\n# One\n\n## Overview\n\nText.\n');
    assert.ok(codes(await comment.diagnostics()).includes('missing-section'));
    const front = await OpenDocument.open(client, ws.uri('notes/two.md'), '---\narchdoc: true\n---\n# Two\n\n## Overview\n\nText.\n');
    assert.ok(codes(await front.diagnostics()).includes('missing-section'));
  });

  it('clears the diagnostics of a document when it is closed', async () => {
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/closed.md'), '# Closed\n');
    assert.ok((await doc.diagnostics()).diagnostics.length > 0);
    const seen = client.published.length;
    await client.close(doc.uri);
    assert.deepEqual((await client.nextDiagnostics(doc.uri, seen)).diagnostics, []);
  });
});
