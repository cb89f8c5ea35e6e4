import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { compileTemplate } from '../../../server/src/core/template/compile.ts';
import { BUNDLED_TEMPLATE_PATH, bundledSchema, diagnose, pairs, ROOT, schemaOf } from '../../helpers/core.ts';

const SEED = path.join(ROOT, '..', 'shared', 'seed', 'ARCHITECTURE.template.md');

test('the bundled template is byte for byte the seed template', { skip: !existsSync(SEED) && 'no ../shared/seed here' }, () => {
  assert.ok(readFileSync(BUNDLED_TEMPLATE_PATH).equals(readFileSync(SEED)));
});

test('the seed compiles into its sections in template order with the title as root', () => {
  const schema = bundledSchema();
  assert.equal(schema.root.title, 'Architecture');
  const top = schema.sections.filter((s) => s.level === 2).map((s) => s.title);
  assert.deepEqual(top, [
    'Overview', 'System Architecture', 'Data Model', 'API Design', 'Infrastructure', 'Workflows', 'Design Patterns',
    'Technology Stack', 'Security', 'Performance', 'Testing', 'Dependencies', 'Deployment', 'Monitoring and Observability',
    'Decision Log', 'Future Considerations',
  ]);
  assert.equal(schema.sections.length, 52);
  assert.deepEqual(schema.sections.map((s) => s.index), schema.sections.map((_s, i) => i));
});

test('sections whose body starts with "(If applicable" are optional, and only those', () => {
  const optional = bundledSchema().sections.filter((s) => s.optional).map((s) => s.id);
  assert.deepEqual(optional, ['data-model/database-schema', 'workflows/state-machines']);
});

test('placeholders are collected with their kind, section and whether they sit in code', () => {
  const byText = new Map(bundledSchema().placeholders.map((p) => [p.text, p]));
  assert.deepEqual([...byText.keys()].sort(), ['YYYY-MM-DD', '[ASCII diagram or link to diagram]', '[Date]', '[Draft | Active | Deprecated]', '[Project Name]']);
  assert.equal(byText.get('[ASCII diagram or link to diagram]')?.inCode, true);
  assert.equal(byText.get('[ASCII diagram or link to diagram]')?.sectionId, 'system-architecture/architecture-diagram');
  assert.equal(byText.get('[Date]')?.kind, 'date');
  assert.deepEqual(byText.get('[Draft | Active | Deprecated]')?.values, ['Draft', 'Active', 'Deprecated']);
});

test('typed fields are the bold labels whose value is a date or enumeration placeholder', () => {
  assert.deepEqual(
    bundledSchema().typedFields.map((f) => [f.label, f.kind, f.values?.join('|') ?? '']),
    [['Last Updated', 'date', ''], ['Status', 'enum', 'Draft|Active|Deprecated']],
  );
});

test('decision records require their five bold fields; component fields are suggestions', () => {
  const schema = bundledSchema();
  const decision = schema.byId.get('decision-log/major-architectural-decisions')?.entryKinds[0];
  assert.equal(decision?.label, 'Decision');
  assert.equal(decision?.datedTitle, true);
  assert.deepEqual(decision?.fields.filter((f) => f.required).map((f) => f.name), ['Context', 'Decision', 'Rationale', 'Alternatives', 'Consequences']);
  const component = schema.byId.get('system-architecture/components')?.entryKinds[0];
  assert.equal(component?.label, 'Component');
  assert.deepEqual(component?.fields.filter((f) => f.required), []);
});

test('entity fields listed after the JSON block are not entry fields', () => {
  const entity = bundledSchema().byId.get('data-model/entities')?.entryKinds[0];
  assert.equal(entity?.label, 'Entity');
  assert.deepEqual(entity?.fields, []);
});

test('labels such as **Unit Tests** and **Indexes**: are structure, not template text', () => {
  const lines = bundledSchema().templateLines;
  assert.equal(lines.has('**Unit Tests**'), false);
  assert.equal(lines.has('**Indexes**:'), false);
  assert.equal(lines.has('**Component Name**'), true);
  assert.equal(lines.has('- Purpose'), false, 'one-word lines are left out');
});

test('a template with no headings, or with NUL bytes, is refused with a clear error', () => {
  assert.match(compileTemplate('just prose\n').error ?? '', /no headings/);
  assert.match(compileTemplate('# A\u0000\n').error ?? '', /not text/);
  assert.equal(compileTemplate('').error !== undefined, true);
});

test('a custom template with annotations marks optional sections and required entry fields', () => {
  const schema = schemaOf(
    [
      '# Service Card',
      '## Owners',
      '<!-- archdoc: optional -->',
      'Who owns it.',
      '## Runbook',
      '<!-- archdoc: required-fields Trigger, Action -->',
      '**Alert**',
      '- Trigger: what fires',
      '- Action: what to do',
      '- Notes: anything else',
      '',
    ].join('\n'),
  );
  assert.equal(schema.byId.get('owners')?.optional, true);
  assert.equal(schema.byId.get('owners')?.guidance, 'Who owns it.');
  const kind = schema.byId.get('runbook')?.entryKinds[0];
  assert.deepEqual(kind?.fields.map((f) => [f.name, f.required]), [['Trigger', true], ['Action', true], ['Notes', false]]);
  assert.deepEqual(
    pairs(diagnose('# Payments Card\n\n## Runbook\n\n**Disk full**\n- Trigger: disk > 90%\n', schema)),
    ['5:missing-field'],
  );
});

test('a custom template without an H1 still checks its sections', () => {
  const schema = schemaOf('## Goals\n\nWhat we want.\n\n## Risks\n\nWhat could go wrong.\n');
  assert.deepEqual(pairs(diagnose('## Goals\n\nShip it.\n', schema)), ['1:missing-section']);
});

test('the seed template checked against itself reports only placeholders and template text', () => {
  const codes = new Set(diagnose(readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8')).map((d) => d.code));
  assert.deepEqual([...codes].sort(), ['placeholder', 'template-text']);
});

test('a custom template marks optional sections with "(Optional)" in the heading or the body', () => {
  const schema = schemaOf('# Card\n\n## Purpose\n\nWhy.\n\n## Glossary (Optional)\n\nTerms.\n\n## Risks\n\n(Optional) What could go wrong.\n');
  assert.deepEqual(schema.sections.map((s) => [s.title, s.optional]), [['Purpose', false], ['Glossary (Optional)', true], ['Risks', true]]);
  assert.deepEqual(pairs(diagnose('# Payments Card\n\n## Purpose\n\nMoney.\n\n## Glossary\n\n- PSP: payment service provider\n', schema)), []);
});
