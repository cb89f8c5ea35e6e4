/** Rule semantics that users judge a checker by, each on the fully written example with one change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { diagnose, pairs, ROOT } from '../../helpers/core.ts';

const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');

/** The example with `find` replaced by `replace` (each must occur). */
function edit(...changes: Array<[string, string]>): string {
  let text = VALID;
  for (const [find, replace] of changes) {
    assert.ok(text.includes(find), `fixture lacks ${JSON.stringify(find)}`);
    text = text.replace(find, replace);
  }
  return text;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

function sectionText(name: string): string {
  const start = VALID.indexOf(`## ${name}\n`);
  const end = VALID.indexOf('\n## ', start + 3);
  return VALID.slice(start, end + 1);
}

test('swapping two sections flags exactly one of them', () => {
  const security = sectionText('Security');
  const performance = sectionText('Performance');
  const doc = VALID.replace(security + performance, performance + security);
  assert.deepEqual(pairs(diagnose(doc)).map((p) => p.split(':')[1]), ['section-order']);
});

test('a section moved with its subsections flags only its heading', () => {
  const security = sectionText('Security');
  const doc = VALID.replace(security, '').replace('## System Architecture\n', security + '## System Architecture\n');
  assert.deepEqual(pairs(diagnose(doc)), [`${lineOf(doc, '## Security')}:section-order`]);
});

test('a section renamed beyond recognition is missing, and its subsections are not flagged', () => {
  const doc = edit(['## Technology Stack\n', '## Tools We Use\n']);
  assert.deepEqual(pairs(diagnose(doc)), ['1:missing-section']);
});

test('a misspelled heading at the wrong level is reported once, as a typo that fixes both', () => {
  const doc = edit(['## Infrastructure\n', '### Infrastucture\n']);
  const d = diagnose(doc);
  assert.deepEqual(pairs(d), [`${lineOf(doc, 'Infrastucture')}:heading-typo`]);
  assert.equal((d[0].data as { replacement: string }).replacement, '## Infrastructure');
});

test('a subsection filed under another template section belongs under its own parent', () => {
  const doc = edit(['### Rollback Procedure\n\nAbort the rollout; migrations are backwards compatible for one release.\n\n', ''], ['### Error Tracking\n', '### Rollback Procedure\n\nAbort.\n\n### Error Tracking\n']);
  assert.deepEqual(pairs(diagnose(doc)), [`${lineOf(doc, '### Rollback Procedure')}:section-order`]);
});

test('decision fields written as bold-label lines count as fields', () => {
  const doc = edit([
    '- **Context**: We need strict transactions across postings\n- **Decision**: Use PostgreSQL 16\n- **Rationale**: Serializable transactions and mature tooling\n- **Alternatives**: CockroachDB, DynamoDB\n- **Consequences**: Vertical limits; partitioning needed later\n',
    '**Context**: We need strict transactions\n**Decision**: Use PostgreSQL 16\n**Rationale**: Serializable transactions\n**Alternatives**: CockroachDB\n**Consequences**: Vertical limits\n',
  ]);
  assert.deepEqual(pairs(diagnose(doc)), []);
});

test("a decision record's own Status is not the document's Status", () => {
  const doc = edit(['**2026-03-02 - Outbox for events**\n', '**2026-03-02 - Outbox for events**\n**Status**: Accepted\n']);
  assert.deepEqual(pairs(diagnose(doc)), []);
});

test('a decision record without fields reports each required field on its title', () => {
  const doc = edit(['## Future Considerations\n', '**2026-04-01 - Drop Kafka**\n\nWe dropped Kafka.\n\n## Future Considerations\n']);
  const line = lineOf(doc, 'Drop Kafka');
  assert.deepEqual(pairs(diagnose(doc)), Array.from({ length: 5 }, () => `${line}:missing-field`));
});

test('TODO marks and capitalized bracketed names are placeholders; citations and links are not', () => {
  const doc = edit([
    'Orbit Ledger records every money movement',
    'Owned by [Owner Name] and [TBD: team]. See [RFC 7231], [1], [a link](x), [x] and [ ].\n\nOrbit Ledger records every money movement',
  ]);
  const line = lineOf(doc, 'Owned by');
  assert.deepEqual(pairs(diagnose(doc)), [`${line}:placeholder`, `${line}:placeholder`]);
});

test('a section holding only a comment is not empty; one holding nothing is', () => {
  const withComment = edit(['- JSON logs shipped to Loki\n', '<!-- to be written -->\n']);
  assert.deepEqual(pairs(diagnose(withComment)), []);
  const empty = edit(['- JSON logs shipped to Loki\n', '']);
  assert.deepEqual(pairs(diagnose(empty)), [`${lineOf(empty, '### Logging')}:empty-section`]);
});

test('a section holding only subsections, or only leftover guidance, is not empty', () => {
  const doc = edit(['Abort the rollout; migrations are backwards compatible for one release.\n', 'Steps to rollback if deployment fails.\n']);
  assert.deepEqual(pairs(diagnose(doc)), [`${lineOf(doc, 'Steps to rollback')}:template-text`]);
});

test('optional sections may be left out or left empty', () => {
  const doc = edit([sectionText('Data Model').slice(sectionText('Data Model').indexOf('### Database Schema')), '### Database Schema\n\n']);
  assert.deepEqual(pairs(diagnose(doc)), []);
});

test('dates must be real ISO dates; placeholders on the line report only the placeholder', () => {
  for (const value of ['2026-13-40', '12/03/2025', '2026-02-29', 'soon']) {
    const doc = edit(['**Last Updated**: 2026-11-20', `**Last Updated**: ${value}`]);
    assert.deepEqual(pairs(diagnose(doc)), [`${lineOf(doc, '**Last Updated**')}:invalid-date`], value);
  }
  assert.deepEqual(pairs(diagnose(edit(['**Last Updated**: 2026-11-20', '**Last Updated**: 2028-02-29']))), []);
  const placeholder = edit(['**Status**: Active', '**Status**: [Draft | Active | Deprecated]']);
  assert.deepEqual(pairs(diagnose(placeholder)), [`${lineOf(placeholder, '**Status**')}:placeholder`]);
});

test('enumeration values match without regard to case or emphasis', () => {
  for (const value of ['active', '*Active*', '`Deprecated`', 'Draft.']) {
    assert.deepEqual(pairs(diagnose(edit(['**Status**: Active', `**Status**: ${value}`]))), [], value);
  }
});

test('table cells are counted the GFM way: optional outer pipes, escaped pipes do not split', () => {
  const doc = edit([
    '| KAFKA_BROKERS | Event bus | `kafka-1:9092,kafka-2:9092` | Yes |\n',
    'KAFKA_BROKERS | Event \\| bus | `x` | Yes\n| SHORT | one |\n',
  ]);
  assert.deepEqual(pairs(diagnose(doc)), [`${lineOf(doc, '| SHORT')}:table-columns`]);
});

test('severities come from settings and "off" silences a code', () => {
  const doc = edit(['for Orbit Ledger,', 'for [Project Name],']);
  assert.equal(diagnose(doc)[0].severity, 2);
  assert.equal(diagnose(doc, undefined, { severity: { placeholder: 'error' } })[0].severity, 1);
  assert.deepEqual(diagnose(doc, undefined, { severity: { placeholder: 'off' } }), []);
});

test('every diagnostic carries its code in its data payload', () => {
  const doc = readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'content.md'), 'utf8') + readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'structure.md'), 'utf8');
  const d = diagnose(doc);
  assert.ok(d.length > 20);
  for (const x of d) assert.equal((x.data as { code: string }).code, x.code);
});

test('a trailing note in parentheses does not change which section a heading is', () => {
  assert.deepEqual(pairs(diagnose(edit(['## Decision Log\n', '## Decision Log (ADRs)\n'], ['### Metrics\n', '### Metrics (SLOs)\n']))), []);
});

test("a placeholder on a typed field's line carries that field's values", () => {
  const doc = edit(['**Status**: Active', '**Status**: YYYY-MM-DD']);
  const [d] = diagnose(doc);
  assert.equal(d.code, 'placeholder');
  assert.deepEqual(d.data, { code: 'placeholder', kind: 'enum', values: ['Draft', 'Active', 'Deprecated'] });
});

test('a section at the wrong level is still checked for its parent, in one finding that says both', () => {
  const doc = edit(['### Entities\n', '###### Entities\n'], ['## Data Model\n', '']);
  const found = diagnose(doc).filter((d) => d.range.start.line + 1 === lineOf(doc, '###### Entities'));
  assert.deepEqual(found.map((d) => d.code), ['heading-level']);
  assert.match(String(found[0].message), /not level 6, and belongs under a "## Data Model" section/);
  assert.deepEqual((found[0].data as { misplaced?: unknown }).misplaced, { after: '', parentId: 'data-model' });
});

test('a note after a field value is allowed; the value itself is still checked', () => {
  for (const [status, updated] of [['Active (since v2)', '2026-11-20 (after the review)'], ['Active, pending sign-off', '2026-11-20 by Alice']]) {
    assert.deepEqual(pairs(diagnose(edit(['**Status**: Active', `**Status**: ${status}`], ['**Last Updated**: 2026-11-20', `**Last Updated**: ${updated}`]))), [], status);
  }
  const doc = edit(['**Status**: Active', '**Status**: Done (since v2)'], ['**Last Updated**: 2026-11-20', '**Last Updated**: 2026-13-01 (after the review)']);
  assert.deepEqual(pairs(diagnose(doc)), [`${lineOf(doc, '**Last Updated**')}:invalid-date`, `${lineOf(doc, '**Status**')}:invalid-value`]);
});
