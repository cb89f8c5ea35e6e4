/**
 * The notice on a document that doesn't follow the template offers two answers, and each one
 * holds: opted in, the document is checked fully; opted out, the policy (the CLI's and the
 * server's) leaves it alone.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import { codeActions, FIX_ALL_KIND } from '../../../server/src/core/features/codeActions.ts';
import { applyEdits } from '../../../server/src/core/features/edits.ts';
import { readMarkers } from '../../../server/src/policy/markers.ts';
import { selectedBy, selectWithMarkers } from '../../../server/src/policy/selection.ts';
import { bundledSchema, engine, pairs, readFixture, ROOT } from '../../helpers/core.ts';
import { TODAY } from './helpers.ts';

const URI = 'file:///repo/ARCHITECTURE.md';
const FOLDER = path.join(ROOT, 'test', 'fixtures', 'unrelated');

/** How the CLI and the server weigh the document: by its name unless its markers say otherwise. */
function decide(text: string): ReturnType<typeof selectWithMarkers> {
  return selectWithMarkers('name', readMarkers(text));
}

function check(text: string) {
  const reason = decide(text);
  assert.ok(reason !== undefined && reason !== 'opted-out', 'the document is checked');
  const analysis = engine.analyze(text, bundledSchema());
  return { analysis, diagnostics: engine.check(analysis, { selectedBy: selectedBy(reason) }) };
}

function apply(text: string, action: CodeAction | undefined): string {
  assert.ok(action, 'the action is offered');
  return applyEdits(text, (action.edit?.changes?.[URI] ?? []) as TextEdit[]);
}

for (const name of readdirSync(FOLDER).filter((f) => f.endsWith('.md')).sort()) {
  describe(`unrelated/${name}`, () => {
    const { text, expected } = readFixture(readFileSync(path.join(FOLDER, name), 'utf8'));
    const { analysis, diagnostics } = check(text);
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = codeActions(analysis, diagnostics, range, { uri: URI, today: TODAY, only: ['quickfix'] });
    const optIn = actions.find((a) => a.title.startsWith('Check this document against the template'));
    const optOut = actions.find((a) => a.title.startsWith("Don't check this document"));

    it('gets exactly its one notice, at information', () => {
      assert.deepEqual(pairs(diagnostics), expected);
      assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    });

    it('opted in with the quick fix, is checked fully against the template', () => {
      const fixed = apply(text, optIn);
      assert.equal(decide(fixed), 'marker');
      const full = check(fixed).diagnostics;
      const missing = full.find((d) => d.code === 'missing-section');
      assert.equal(missing?.severity, DiagnosticSeverity.Warning);
      assert.equal((missing?.data as { sections: unknown[] }).sections.length, 16);
      // Only the comment line is added, after any front matter, which stays the first block.
      assert.deepEqual(fixed.split('\n').filter((l) => !text.split('\n').includes(l)), ['<!-- archdoc -->']);
      assert.equal(fixed.startsWith('---'), text.startsWith('---'));
    });

    it('opted out with the quick fix, is left alone', () => {
      const fixed = apply(text, optOut);
      assert.equal(decide(fixed), 'opted-out');
      assert.deepEqual(fixed.split('\n').filter((l) => !text.split('\n').includes(l)), ['<!-- archdoc: false -->']);
      assert.equal(fixed.startsWith('---'), text.startsWith('---'));
    });

    it('neither answer is applied by fix-all', () => {
      const all = codeActions(analysis, diagnostics, range, { uri: URI, today: TODAY, only: [FIX_ALL_KIND] });
      assert.deepEqual(all.map((a) => a.title), []);
    });
  });
}

describe('the opt-out comment', () => {
  it('wins over an opt-in comment, and front matter wins over both', () => {
    assert.equal(readMarkers('<!-- archdoc: false -->\n# X\n').optIn, false);
    assert.equal(readMarkers('<!-- archdoc -->\n<!--archdoc:false-->\n# X\n').optIn, false);
    assert.equal(readMarkers('---\narchdoc: true\n---\n<!-- archdoc: false -->\n# X\n').optIn, true);
    // The section markers are not opt-outs.
    assert.equal(readMarkers('# X\n<!-- archdoc: not-applicable Deployment -->\n<!-- archdoc: falsehood -->\n').optIn, undefined);
  });
});
