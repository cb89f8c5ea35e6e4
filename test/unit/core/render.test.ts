import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, bundledSchema, diagnose } from '../../helpers/core.ts';

const NAMES = ['Orbit Ledger', 'O\'Brien "Quotes"', '[Bracketed] Name', 'Costs $1 and ${HOME} and $&', 'C:\\path\\to', 'עברית RTL', 'Emoji 🚀 名前', 'a/b/../c'];

for (const name of NAMES) {
  test(`a new document names the project verbatim: ${JSON.stringify(name)}`, () => {
    const text = engine.render(bundledSchema(), { name, date: '2026-11-25' });
    assert.ok(text.includes(`Technical design documentation for ${name}.`));
    assert.ok(text.includes('**Last Updated**: 2026-11-25'));
    assert.ok(text.includes('**Status**: Draft'));
    const codes = new Set(diagnose(text).map((d) => String(d.code)));
    for (const code of codes) assert.ok(code === 'placeholder' || code === 'template-text', `unexpected ${code}`);
  });
}

test('line breaks in a name become spaces, so a name cannot add headings', () => {
  const text = engine.render(bundledSchema(), { name: 'A\n## Injected\r\nB', date: '2026-11-25' });
  assert.ok(text.includes('Technical design documentation for A ## Injected B.'));
  assert.equal(text.split('\n').filter((l) => l.startsWith('## Injected')).length, 0);
});

test('a new document keeps every template line but the filled ones', () => {
  const schema = bundledSchema();
  const text = engine.render(schema, { name: 'X', date: '2026-01-02', status: 'active' });
  assert.equal(text.split('\n').length, schema.source.split('\n').length);
  assert.ok(text.includes('**Status**: Active'));
  assert.ok(text.includes('[ASCII diagram or link to diagram]'), 'placeholders in code stay for the author');
});

test('a section skeleton resolves dates and enumerations and drops lines that are only a placeholder', () => {
  const schema = bundledSchema();
  const decisions = schema.byId.get('decision-log');
  assert.ok(decisions);
  const text = engine.sectionSkeleton(schema, decisions, { today: '2026-11-25' });
  assert.ok(text.startsWith('## Decision Log\n\n### Major Architectural Decisions\n'));
  assert.ok(text.includes('**2026-11-25 - Decision Title**'));
  const diagram = schema.byId.get('system-architecture');
  assert.ok(diagram);
  assert.equal(engine.sectionSkeleton(schema, diagram, { today: '2026-11-25' }).includes('[ASCII diagram'), false);
  assert.equal(engine.sectionSkeleton(schema, diagram, { today: '2026-11-25', headingOnly: true }), '## System Architecture\n');
});

test('a section skeleton can leave out subsections the document already has', () => {
  const schema = bundledSchema();
  const dataModel = schema.byId.get('data-model');
  assert.ok(dataModel);
  const text = engine.sectionSkeleton(schema, dataModel, { today: '2026-11-25', omit: (s) => s.id === 'data-model/entities' || s.id === 'data-model/database-schema' });
  assert.ok(text.startsWith('## Data Model\n\n### Relationships\n'));
  assert.equal(text.includes('### Entities'), false);
  assert.equal(text.includes('Database Schema'), false);
  assert.ok(text.endsWith('One-to-many relationship\n'));
});
