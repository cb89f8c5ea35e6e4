import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { codeActions, fixAll, FIX_ALL_KIND } from '../../../server/src/core/features/codeActions.ts';
import { applyEdits } from '../../../server/src/core/features/edits.ts';
import { engine, ROOT } from '../../helpers/core.ts';
import { analyzed, doc, TODAY } from './helpers.ts';

const URI = 'file:///ARCHITECTURE.md';
const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');
const severe = (d: Diagnostic): boolean => d.severity === 1 || d.severity === 2;

function actionsFor(text: string, code: string, only?: string[]): { actions: CodeAction[]; target: Diagnostic; diagnostics: Diagnostic[] } {
  const analysis = analyzed(text);
  const diagnostics = engine.check(analysis);
  const target = diagnostics.find((d) => d.code === code);
  assert.ok(target, `the document reports ${code}`);
  return { actions: codeActions(analysis, diagnostics, target.range, { uri: URI, today: TODAY, only }), target, diagnostics };
}

function editsOf(action: CodeAction): TextEdit[] {
  return action.edit?.changes?.[URI] ?? [];
}

/** Applies `title` for the first `code` diagnostic and returns the new text. */
function check(text: string, code: string, title: RegExp, expected: string): void {
  const { actions } = actionsFor(text, code);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `an action matching ${title} among: ${actions.map((a) => a.title).join(', ')}`);
  assert.equal(applyEdits(text, editsOf(action)), expected);
}

/** Every quick fix offered removes the diagnostics it names and adds no warning or error; returns their titles. */
function roundTrip(text: string): string[] {
  const analysis = analyzed(text);
  const before = engine.check(analysis);
  const titles: string[] = [];
  for (const target of before) {
    for (const action of codeActions(analysis, before, target.range, { uri: URI, today: TODAY })) {
      const after = engine.check(analyzed(applyEdits(text, editsOf(action))));
      for (const code of new Set((action.diagnostics ?? []).map((d) => d.code))) {
        const fixedHere = (action.diagnostics ?? []).filter((d) => d.code === code).length;
        assert.equal(after.filter((d) => d.code === code).length, before.filter((d) => d.code === code).length - fixedHere, `"${action.title}" removes its ${code}`);
      }
      const known = new Set(before.filter(severe).map((d) => `${String(d.code)}`));
      assert.deepEqual(after.filter(severe).filter((d) => !known.has(String(d.code))).map((d) => d.message), [], `"${action.title}" adds nothing`);
      titles.push(action.title);
    }
  }
  return titles;
}

const TOP = doc('# Orbit', '', '## Overview', '', 'Written.', '');

describe('quick fixes', () => {
  it('renames a near-miss heading to the template title', () => {
    check(VALID.replace('## Security', '## Securty'), 'heading-typo', /Rename/, VALID);
  });

  it("sets a heading to the template's level", () => {
    check(VALID.replace('### Entities', '#### Entities'), 'heading-level', /level 3/, VALID);
  });

  it('offers each allowed value for an invalid enumeration value', () => {
    const { actions } = actionsFor(VALID.replace('**Status**: Active', '**Status**: Done'), 'invalid-value');
    assert.deepEqual(actions.map((a) => a.title), ['Change to "Draft"', 'Change to "Active"', 'Change to "Deprecated"']);
  });

  it("replaces an invalid date with today's date", () => {
    check(VALID.replace('**Last Updated**: 2026-11-20', '**Last Updated**: 2026-13-40'), 'invalid-date', /today/, VALID.replace('2026-11-20', TODAY));
  });

  it("replaces a date placeholder with today's date", () => {
    check(VALID.replace('**Last Updated**: 2026-11-20', '**Last Updated**: YYYY-MM-DD'), 'placeholder', /today/, VALID.replace('2026-11-20', TODAY));
  });

  it('pads a short table row with empty cells', () => {
    const text = VALID.replace(/^(\| KAFKA_BROKERS .*)\| Yes \|$/m, '$1|');
    const fixed = text.replace(/^(\| KAFKA_BROKERS .*\|)$/m, '$1  |');
    check(text, 'table-columns', /Add 1 empty cell/, fixed);
  });

  it('trims a long table row to the header width', () => {
    const text = VALID.replace(/^(\| KAFKA_BROKERS .*)$/m, '$1 extra |');
    check(text, 'table-columns', /Remove the last 1 cell/, VALID);
  });

  it('moves an out-of-order section with its content to its template position', () => {
    const text = doc('# Orbit', '', '## Data Model', '', 'Data.', '', '## Overview', '', 'Over.', '', '## API Design', '', 'Api.', '');
    const actions = actionsFor(text, 'section-order').actions.filter((a) => a.diagnostics?.some((d) => d.code === 'section-order'));
    assert.equal(actions.length, 1);
    const moved = applyEdits(text, editsOf(actions[0]));
    assert.ok(!engine.check(analyzed(moved)).some((d) => d.code === 'section-order'), moved);
    assert.ok(moved.indexOf('## Overview') < moved.indexOf('## Data Model') && moved.includes('Over.') && moved.includes('Data.'), moved);
  });

  it('inserts a missing section with its skeleton, dates filled and placeholder-only lines left out', () => {
    const text = VALID.replace(/## Decision Log[\s\S]*?(?=## Future Considerations)/, '');
    const { actions } = actionsFor(text, 'missing-section');
    const insert = actions.find((a) => a.title === 'Insert section "## Decision Log"');
    assert.ok(insert);
    const result = applyEdits(text, editsOf(insert));
    assert.match(result, new RegExp(`## Decision Log\\n\\n### Major Architectural Decisions\\n\\n\\*\\*${TODAY} - Decision Title\\*\\*`));
    assert.match(result, /Trade-offs and implications\n\n## Future Considerations/);
  });

  it('inserts all missing sections at once, in template order', () => {
    const text = doc('# Orbit', '', '## Overview', '', 'Written.', '');
    const { actions } = actionsFor(text, 'missing-section');
    const all = actions.find((a) => /Insert all \d+ missing sections/.test(a.title));
    assert.ok(all);
    const after = engine.check(analyzed(applyEdits(text, editsOf(all))));
    assert.deepEqual(after.filter(severe).map((d) => d.code), []);
  });

  it("adds an entry's missing field to the entry's field list", () => {
    const text = VALID.replace(/(\n- \*\*Rationale\*\*:[^\n]*)/, '');
    const { actions } = actionsFor(text, 'missing-field');
    const result = applyEdits(text, editsOf(actions[0]));
    assert.match(result, /- \*\*Consequences\*\*: Vertical limits[^\n]*\n- \*\*Rationale\*\*: Why this was chosen\n\n\*\*2026-03-02/);
  });

  it('removes a template line left unchanged when the section keeps other content', () => {
    const text = TOP.replace('Written.', 'Written.\n\nHigh-level description of how the system is designed and why these choices were made.');
    check(text, 'template-text', /Remove/, TOP);
  });

  it('offers no removal of a template line that is all its section holds', () => {
    const text = TOP.replace('Written.', 'High-level description of how the system is designed and why these choices were made.');
    const { actions } = actionsFor(text, 'template-text');
    assert.ok(!actions.some((a) => /Remove/.test(a.title)));
  });

  it("inserts text in the document's own line endings", () => {
    const text = VALID.replace(/## Decision Log[\s\S]*?(?=## Future Considerations)/, '').replace(/\n/g, '\r\n');
    const { actions } = actionsFor(text, 'missing-section');
    const result = applyEdits(text, editsOf(actions[0]));
    assert.ok(result.includes('## Decision Log\r\n\r\n### Major Architectural Decisions\r\n'));
    assert.ok(!/[^\r]\n/.test(result), 'no bare line feed');
  });

  it('keeps every offered fix honest on a document with one defect of each kind', () => {
    const text = VALID.replace('## Security', '## Securty')
      .replace('### Entities', '#### Entities')
      .replace('**Status**: Active', '**Status**: Done')
      .replace('**Last Updated**: 2026-11-20', '**Last Updated**: 2026-13-40')
      .replace(/(\n- \*\*Rationale\*\*:[^\n]*)/, '')
      .replace(/## Performance[\s\S]*?(?=## Testing)/, '')
      .replace(/^(\| KAFKA_BROKERS .*)\| Yes \|$/m, '$1|')
      .replace(/(### Rollback Procedure\n\n)[^\n]*\n/, '$1')
      .replace('Orbit Ledger records every money movement', 'High-level description of how the system is designed and why these choices were made.\n\nOrbit Ledger records every money movement');
    assert.deepEqual(roundTrip(text.replace(/\n/g, '\r\n')), roundTrip(text), 'the same fixes, as honest, with CRLF line endings');
    const titles = roundTrip(text).join('\n');
    for (const family of [/^Rename/m, /^Change to level/m, /^Change to "Active"/m, /^Replace with today/m, /^Add field/m, /^Insert section/m, /^Add 1 empty cell/m, /^Remove unchanged/m, /^Insert the template's content/m]) {
      assert.match(titles, family);
    }
  });
});

describe('fix all', () => {
  it('fixes heading names, heading levels and short table rows, and nothing else', () => {
    const text = VALID.replace('## Security', '## Securty')
      .replace('### Entities', '#### Entities')
      .replace('**Status**: Active', '**Status**: Done')
      .replace(/^(\| KAFKA_BROKERS .*)\| Yes \|$/m, '$1|');
    const analysis = analyzed(text);
    const action = fixAll(analysis, engine.check(analysis), { uri: URI, today: TODAY });
    assert.equal(action?.kind, FIX_ALL_KIND);
    const after = engine.check(analyzed(applyEdits(text, editsOf(action as CodeAction))));
    assert.deepEqual(after.map((d) => d.code), ['invalid-value']);
  });

  it('is offered only when the client asks for source actions', () => {
    const text = VALID.replace('## Security', '## Securty');
    assert.ok(!actionsFor(text, 'heading-typo').actions.some((a) => a.kind === FIX_ALL_KIND));
    assert.deepEqual(actionsFor(text, 'heading-typo', ['source.fixAll']).actions.map((a) => a.kind), [FIX_ALL_KIND]);
  });
});
