/**
 * Real documents adapt the template: the severity policy, the template's aliases and the
 * document's own markers, and messages that name only what the document has.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { readSidecar, sectionMarker } from '../../../server/src/core/index.ts';
import { BUNDLED_TEMPLATE_PATH, bundledSchema, diagnose, engine, ROOT, schemaOf } from '../../helpers/core.ts';

const STRUCTURE = ['missing-section', 'section-order', 'heading-level', 'duplicate-section', 'heading-typo', 'empty-section'];
const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');

function byName(text: string) {
  return diagnose(text, bundledSchema(), { selectedBy: 'name' });
}

test('the seed and a fresh scaffold report no structural findings, however they are selected', () => {
  const seed = readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8');
  const fresh = engine.render(bundledSchema(), { name: 'Orbit', date: '2026-01-02' });
  for (const text of [seed, fresh]) {
    for (const selectedBy of [undefined, 'name', 'opt-in'] as const) {
      const structural = diagnose(text, bundledSchema(), { selectedBy }).filter((d) => STRUCTURE.includes(String(d.code)));
      assert.deepEqual(structural.map((d) => d.message), []);
    }
  }
});

test('a document that adapts the template gets its missing top-level sections once, at information, and nothing about how it arranges the rest', () => {
  const adapted = [
    '# Architecture',
    '',
    'Technical design documentation for Orbit.',
    '',
    '## Overview',
    '',
    'Orbit posts journal entries.',
    '',
    '### Tech Stack',
    '',
    'Go and PostgreSQL.',
    '',
    '## Request Lifecycle',
    '',
    'How a posting travels.',
    '',
    '## Failure Modes',
    '',
    'What breaks and how it heals.',
    '',
    '## Regional Setup',
    '',
    'Two regions.',
    '',
  ].join('\n');
  const found = byName(adapted);
  assert.deepEqual(found.map((d) => String(d.code)), ['missing-section']);
  assert.equal(found[0].severity, DiagnosticSeverity.Information);
  const names = (found[0].data as { sections: Array<{ sectionId: string; title: string; level: number }> }).sections;
  assert.ok(names.every((s) => !s.sectionId.includes('/')), 'only top-level sections are named');
  assert.ok(!names.some((s) => s.sectionId === 'technology-stack'), 'the nested Tech Stack counts');
  assert.deepEqual(names[0], { ...names[0], title: 'System Architecture', level: 2 });
  // Opted in, the same document is checked fully.
  const full = diagnose(adapted, bundledSchema(), { selectedBy: 'opt-in' });
  assert.ok(full.some((d) => d.code === 'heading-level' && d.severity === DiagnosticSeverity.Warning));
  assert.ok(full.filter((d) => d.code === 'missing-section').every((d) => d.severity === DiagnosticSeverity.Warning));
});

test("a document named ARCHITECTURE.md that doesn't follow the template gets one notice, offering to opt in or out", () => {
  const other = ['# Architecture', '', "## Bird's Eye View", '', 'Text.', '', '## Code Map', '', 'Text.', '', '## Cross-Cutting Concerns', '', 'Text.', ''].join('\n');
  const found = byName(other);
  assert.equal(found.length, 1);
  assert.equal(found[0].code, 'missing-section');
  assert.equal(found[0].severity, DiagnosticSeverity.Information);
  assert.match(String(found[0].message), /<!-- archdoc -->.*archdoc: false/);
  assert.deepEqual((found[0].data as { unrelated?: boolean; sections: unknown[] }).unrelated, true);
  const full = diagnose(other, bundledSchema(), { selectedBy: 'glob' }).find((d) => d.code === 'missing-section');
  assert.equal(full?.severity, DiagnosticSeverity.Warning, 'a document selected by the settings is checked fully');
  assert.equal((full?.data as { sections: unknown[] }).sections.length, 16);
});

test('a missing-section finding names every section missing under its parent, in its message and data', () => {
  const text = VALID.replace(/### Metrics[\s\S]*?(?=## Decision Log)/, '');
  const found = diagnose(text).filter((d) => d.code === 'missing-section');
  assert.equal(found.length, 1);
  assert.match(String(found[0].message), /Missing 3 sections under "## Monitoring and Observability": "### Metrics", "### Logging", "### Error Tracking"/);
  const data = found[0].data as { sections: Array<{ sectionId: string; title: string; level: number }>; sectionId: string };
  assert.deepEqual(data.sections.map((s) => [s.sectionId, s.title, s.level]), [
    ['monitoring-and-observability/metrics', 'Metrics', 3],
    ['monitoring-and-observability/logging', 'Logging', 3],
    ['monitoring-and-observability/error-tracking', 'Error Tracking', 3],
  ]);
  assert.equal(data.sectionId, data.sections[0].sectionId);
});

test('messages name only headings the document has, as it writes them', () => {
  const text = VALID.replace('## Design Patterns', '## Patterns').replace(/## Technology Stack[\s\S]*?(?=## Security)/, '');
  const [missing] = diagnose(text).filter((d) => d.code === 'missing-section');
  assert.match(String(missing.message), /Missing section "## Technology Stack" \(expected after "## Patterns"\)/);
  const first = diagnose(VALID.replace(/## Overview[\s\S]*?(?=## System Architecture)/, '## Glossary\n\nTerms.\n\n')).find((d) => d.code === 'missing-section');
  assert.match(String(first?.message), /expected before "## System Architecture"/);
});

test('a template declares aliases in a section body; a sidecar adds more; a heading with one is that section', () => {
  const template = '# T\n\n## Decision Log\n\n<!-- archdoc: aliases Design Decisions, ADRs -->\nDecisions.\n\n## Roadmap\n\nLater.\n';
  const schema = schemaOf(template);
  assert.deepEqual(schema.byId.get('decision-log')?.aliases, ['design decisions', 'adrs']);
  assert.deepEqual(diagnose('# T\n\n## ADRs\n\nOne.\n\n## Roadmap\n\nSoon.\n', schema), []);
  const sidecar = readSidecar('{ "aliases": { "Roadmap": ["Future Work"] } }');
  const withSidecar = engine.compileTemplate(template, { sidecar: sidecar.sidecar }).schema;
  assert.ok(withSidecar);
  assert.deepEqual(diagnose('# T\n\n## Design Decisions\n\nOne.\n\n## Future Work\n\nSoon.\n', withSidecar), []);
  assert.match(readSidecar('{ "aliases": { "Roadmap": "Future Work" } }').error ?? '', /list of names/);
  assert.match(readSidecar('not json').error ?? '', /not valid JSON/);
});

test('a document can declare its version of a section and a section that does not apply, with the markers the fixes write', () => {
  assert.equal(sectionMarker('section', 'Decision Log'), '<!-- archdoc: section Decision Log -->');
  const text = VALID.replace('## Decision Log', `## Why We Chose\n\n${sectionMarker('section', 'decision-log')}`).replace(
    /## Future Considerations[\s\S]*?(?=\n---)/,
    `${sectionMarker('not-applicable', 'Future Considerations')}\n`,
  );
  assert.deepEqual(diagnose(text).map((d) => String(d.code)), []);
});

test('a near spelling is a guess: said at information, never a rename without asking', () => {
  const found = diagnose(VALID.replace('## Security', '## Secuirty'));
  assert.deepEqual(found.map((d) => [String(d.code), d.severity]), [['heading-typo', DiagnosticSeverity.Information]]);
});
