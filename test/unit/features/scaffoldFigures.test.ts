/**
 * What a new user meets on a fresh scaffold: a short list in the Problems panel (hints are not
 * listed there), each entry with a quick fix or a message that says what to do next.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/core/features/codeActions.ts';
import { bundledSchema, engine } from '../../helpers/core.ts';
import { analyzed, TODAY } from './helpers.ts';

/** The most Problems-panel entries a fresh scaffold may open with. */
const MOST_ENTRIES = 20;

/** Messages that name the next step: replace, write, choose, add or insert something. */
const NEXT_STEP = /: (replace|write|choose|add|insert)|\. (Replace|Write|Add|Insert)/;

function figures(status: string): { panel: Diagnostic[]; hints: Diagnostic[]; withoutHelp: string[] } {
  const text = engine.render(bundledSchema(), { name: 'Comet', date: TODAY, status });
  const analysis = analyzed(text);
  const diagnostics = engine.check(analysis);
  const panel = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint);
  const withoutHelp = diagnostics
    .filter((d) => codeActions(analysis, diagnostics, d.range, { uri: 'file:///w/ARCHITECTURE.md', today: TODAY, only: ['quickfix'] }).length === 0)
    .filter((d) => !NEXT_STEP.test(String(d.message)))
    .map((d) => `${d.range.start.line + 1}:${String(d.code)} ${d.message}`);
  return { panel, hints: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Hint), withoutHelp };
}

describe('scaffold figures', () => {
  it(`opens a Draft scaffold with at most ${MOST_ENTRIES} Problems-panel entries, guidance as one hint per section`, () => {
    const { panel, hints, withoutHelp } = figures('Draft');
    assert.ok(panel.length <= MOST_ENTRIES, `${panel.length} entries`);
    assert.deepEqual([...new Set(panel.map((d) => String(d.code)))], ['placeholder']);
    assert.deepEqual([...new Set(hints.map((d) => String(d.code)))], ['template-text']);
    const sections = new Set(hints.map((d) => (d.data as { lines: number[] }).lines.join(',')));
    assert.equal(sections.size, hints.length, 'one finding per section, never two for the same lines');
    assert.deepEqual(withoutHelp, []);
  });

  it('reports guidance left once the document is no longer a Draft, still one entry per section and each with help', () => {
    const draft = figures('Draft');
    const active = figures('Active');
    assert.equal(active.panel.length, draft.panel.length + draft.hints.length);
    assert.ok(active.panel.filter((d) => d.code === 'template-text').every((d) => d.severity === DiagnosticSeverity.Information));
    assert.deepEqual(active.withoutHelp, []);
  });
});
