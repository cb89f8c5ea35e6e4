/**
 * Real documents derived from the template, each finding labelled by hand (test/fixtures/real):
 * a labelled false alarm must not come back, at any severity, and a labelled true gap must still
 * be reported, at information or above. The corpus figures hold the targets of docs/accuracy.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkAsFoundByName, figures, findingsOf, realDocuments } from '../../helpers/realDocuments.ts';
import { outline } from '../../../scripts/outline.ts';

const docs = realDocuments();

for (const doc of docs) {
  test(`real document ${doc.name}: no labelled false alarm, every labelled true gap reported`, () => {
    const found = findingsOf(doc.text, checkAsFoundByName(doc.text));
    const falseAlarms = found.filter((f) => doc.labels[f.key] === 'false').map((f) => f.key);
    assert.deepEqual(falseAlarms.filter((k) => !ALLOWED_FALSE[doc.name]?.includes(k)), [], 'false alarms that were fixed came back');
    const reported = new Set(found.filter((f) => f.severity <= DiagnosticSeverity.Information).map((f) => f.key));
    const lost = Object.entries(doc.labels).filter(([key, label]) => label === 'true' && !reported.has(key) && !KNOWN_MISSED[doc.name]?.includes(key));
    assert.deepEqual(lost.map(([key]) => key), [], 'true gaps no longer reported');
    assert.deepEqual(found.filter((f) => !doc.labels[f.key]).map((f) => f.key), [], 'every finding has a label');
  });
}

test('the corpus meets the targets: precision, recall of true gaps, warnings per document', () => {
  const f = figures(docs);
  assert.ok(f.documents >= 20);
  assert.ok(f.precision >= 0.9, `precision ${f.precision}`);
  assert.ok(f.recall >= 0.9, `recall ${f.recall}`);
  assert.ok(f.medianWarnings <= 3, `median warnings ${f.medianWarnings}`);
});

/**
 * False alarms still said (at information) today, one line each in docs/accuracy.md: sections a
 * document has under a name no alias covers. Removing one from here is the way to record a fix.
 */
const ALLOWED_FALSE: Record<string, readonly string[]> = {
  'agentic-investigator': ['missing-section|system-architecture', 'missing-section|data-model', 'missing-section|dependencies'],
  'ai-soc-assistant': ['missing-section|workflows'],
  contravento: ['missing-section|system-architecture'],
  cryptons: ['missing-section|design-patterns', 'missing-section|testing', 'missing-section|dependencies'],
  freespace: ['missing-section|workflows', 'missing-section|deployment'],
  'grdl-io': ['missing-section|system-architecture', 'missing-section|data-model', 'missing-section|technology-stack', 'missing-section|performance', 'missing-section|decision-log'],
  helldeck: ['missing-section|system-architecture'],
  mindpal: ['missing-section|system-architecture'],
  tagsense: ['missing-section|security', 'missing-section|dependencies'],
};

/** True gaps the checker misses today, one line each in docs/accuracy.md (none). */
const KNOWN_MISSED: Record<string, readonly string[]> = {};

test('every corpus document is an outline as scripts/outline.ts makes them: outlining it again changes nothing', () => {
  const changed = docs.filter((doc) => outline(doc.text) !== doc.text).map((doc) => doc.name);
  assert.deepEqual(changed, []);
});
