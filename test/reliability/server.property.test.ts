/**
 * The real server over stdio, driven by generated edits: after any sequence of incremental
 * changes its diagnostics and symbols equal a from-scratch check of the edited text, and the
 * quick fixes it offers keep the promises the in-process properties check.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { CodeActionRequest, DocumentSymbolRequest, type CodeAction, type Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../../server/src/core/index.ts';
import { engine, bundledSchema } from '../helpers/core.ts';
import { AWKWARD, document, fragment } from './helpers/documents.ts';
import { applyAsClient, assertFixOutcome, diagnose } from './helpers/fixes.ts';
import { checkAsync } from './helpers/property.ts';
import { Server } from './helpers/server.ts';


/** Diagnostics as JSON-RPC carries them, so that `undefined` fields compare equal to absent ones. */
function wire(diagnostics: readonly Diagnostic[]): unknown {
  return JSON.parse(JSON.stringify(diagnostics));
}

/** An edit as offsets into the current text, turned into a range when applied. */
const edit = fc.record({
  start: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  text: fc.oneof(fragment, fc.constantFrom(...AWKWARD, '\n', '\r\n', '\r', '#', '## ', ''), fc.string({ maxLength: 5 })),
});

const script = fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 });

function toChanges(doc: TextDocument, edits: ReadonlyArray<{ start: number; length: number; text: string }>): TextDocumentContentChangeEvent[] {
  // Changes in one notification apply in order, each to the text the previous one left.
  // TextDocument.update changes its argument, so the ranges are worked out on a copy.
  let scratch = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
  const changes: TextDocumentContentChangeEvent[] = [];
  for (const e of edits) {
    const length = scratch.getText().length;
    const start = Math.floor(e.start * length);
    const end = Math.min(length, start + e.length);
    const change = { range: { start: scratch.positionAt(start), end: scratch.positionAt(end) }, text: e.text };
    changes.push(change);
    scratch = TextDocument.update(scratch, [change], scratch.version);
  }
  return changes;
}

describe('the server under generated edits', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'archdoc-reliability-server-'));
  let server: Server;
  let n = 0;
  before(async () => {
    server = await Server.start(folder);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes, after any sequence of incremental edits, the diagnostics and symbols of a from-scratch check', async () => {
    const schema = bundledSchema();
    await checkAsync(
      fc.asyncProperty(document, script, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), async (initial, steps, pauses) => {
        const uri = pathToFileURL(path.join(folder, `docs/architecture/edit-${n++}.md`)).href;
        let doc = TextDocument.create(uri, 'markdown', 1, initial);
        await server.open(uri, initial, 1);
        try {
          for (const [i, edits] of steps.entries()) {
            const changes = toChanges(doc, edits);
            doc = TextDocument.update(doc, changes, doc.version + 1);
            await server.change(uri, doc.version, changes);
            // Sometimes wait for this version, so that both published and dropped (stale) runs occur.
            if (pauses[i]) await server.diagnosticsAt(uri, doc.version);
          }
          const text = doc.getText();
          const expected = JSON.stringify(wire(diagnose(text, schema, 'name')));
          // A publication for the final version may be followed by a corrected one (see the race test below); what must hold is where it settles.
          await server
            .waitFor('the diagnostics of the final text', () => {
              const p = server.diagnostics.get(uri);
              return p?.version === doc.version && JSON.stringify(p.diagnostics) === expected;
            })
            .catch((error: unknown) => {
              assert.deepEqual(server.diagnostics.get(uri)?.diagnostics, JSON.parse(expected), `diagnostics differ for ${JSON.stringify(text)}: ${String(error)}`);
            });
          const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
          const analysis = engine.analyze(text, schema);
          // The symbols' states read the same diagnostics the server published: a document found by its name.
          assert.deepEqual(symbols, JSON.parse(JSON.stringify(engine.symbols(analysis, diagnose(text, schema, 'name')))));
        } finally {
          await server.close(uri);
        }
      }),
      150,
    );
    assert.ok(server.alive);
  });

  it('labels published diagnostics with the version whose text they were computed from, even when a change arrives mid-check', async () => {
    const uri = pathToFileURL(path.join(folder, 'docs/architecture/race.md')).href;
    let release = (): void => undefined;
    server.configurationGate = new Promise((resolve) => {
      release = resolve;
    });
    const asked = server.configurationRequests;
    const v1 = '# Architecture\n';
    const v2 = 'B# Architecture\n';
    try {
      await server.open(uri, v1, 1);
      // The check of version 1 is now waiting for this document's settings.
      await server.waitFor('the settings request', () => server.configurationRequests > asked);
      await server.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'B' }]);
    } finally {
      server.configurationGate = undefined;
      release();
    }
    const first = await server.waitFor('a publication', () => server.diagnostics.has(uri)).then(() => server.diagnostics.get(uri));
    const expected = first?.version === 1 ? v1 : v2;
    assert.deepEqual(first?.diagnostics, wire(diagnose(expected, bundledSchema(), 'name')), `the first publication, labelled version ${first?.version}, does not hold that version's diagnostics`);
    await server.close(uri);
  });

  it('offers quick fixes that resolve their diagnostic and add nothing, and a fix-all that reaches a fixed point', async (t) => {
    const schema = bundledSchema();
    let applied = 0;
    await checkAsync(
      fc.asyncProperty(document, async (initial) => {
        const uri = pathToFileURL(path.join(folder, `docs/architecture/fix-${n++}.md`)).href;
        await server.open(uri, initial, 1);
        try {
          const { diagnostics } = await server.diagnosticsAt(uri, 1);
          const before = diagnose(initial, schema, 'name');
          for (const d of diagnostics.slice(0, 6)) {
            const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
            for (const action of actions) {
              const edits = action.edit?.changes?.[uri] ?? [];
              const fixed = applyAsClient(initial, edits);
              applied++;
              assertFixOutcome(before, diagnose(fixed, schema, 'name'), action.diagnostics ?? [], action.title, { before: initial, after: fixed, schema, selectedBy: 'name' });
            }
          }
          // Fix-all through the server, version after version, until it offers nothing.
          let text = initial;
          let version = 1;
          for (let round = 0; ; round++) {
            assert.ok(round < 8, 'fix-all did not reach a fixed point in 8 rounds');
            const [all] = (await server.connection.sendRequest(CodeActionRequest.type, {
              textDocument: { uri },
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              context: { diagnostics: [], only: [FIX_ALL_KIND] },
            })) as CodeAction[];
            if (!all) break;
            text = applyAsClient(text, all.edit?.changes?.[uri] ?? []);
            await server.change(uri, ++version, [{ text }]);
            await server.diagnosticsAt(uri, version);
          }
        } finally {
          await server.close(uri);
        }
      }),
      40,
    );
    t.diagnostic(`${applied} quick fixes applied through the server`);
  });
});
