/**
 * The smallest documents on which a quick fix breaks its promise, one per defect the property
 * tests set aside (see helpers/knownDefects.ts). Each test states the behaviour that should
 * hold; each fails until its defect is fixed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledSchema } from '../helpers/core.ts';
import { applyAsClient, assertFixOutcome, diagnose, editsOf, fixAllRounds, quickFixes } from './helpers/fixes.ts';

/** Applies the fix titled `title` offered for the diagnostic of `code` on `line`, and checks its outcome. */
function applyFix(text: string, code: string, title: RegExp, line = 0): void {
  const schema = bundledSchema();
  const before = diagnose(text, schema);
  const target = before.find((d) => d.code === code && d.range.start.line === line);
  if (!target) throw new Error(`no ${code} diagnostic on line ${line}: ${before.map((d) => `${d.range.start.line}:${String(d.code)}`).join(' ')}`);
  const action = quickFixes(text, schema, before, target).find((a) => title.test(a.title));
  if (!action) throw new Error(`no fix titled ${title} for ${code}`);
  assertFixOutcome(before, diagnose(applyAsClient(text, editsOf(action)), schema), action.diagnostics ?? [], action.title);
}

describe('quick fixes keep their promise on the smallest documents that broke them', () => {
  it(
    'inserting sections into a leniently checked document leaves nothing newly missing',
    { todo: 'once the insertion makes the document follow the template, what the lenient check held back is reported' },
    () => {
      applyFix('## the\n\n## Deployment\n', 'missing-section', /^Insert all \d+ missing sections$/);
    },
  );

  it('"Insert all missing sections" on an empty document also inserts the title it lists', () => {
    applyFix('\n', 'missing-section', /^Insert all \d+ missing sections$/);
  });

  it('changing "###### Entities" to level 3 raises no section-order warning (fix-all included)', () => {
    applyFix('###### Entities\n', 'heading-level', /^Change to level 3/);
    fixAllRounds('###### Entities\n', bundledSchema());
  });

  it('inserting the title into a document that starts with a BOM keeps its first heading a heading', () => {
    applyFix('\uFEFF## Overview\n', 'missing-section', /^Insert section "Architecture"$/);
  });

  it('inserting a missing parent section does not repeat a subsection the document already has', () => {
    applyFix('# Architecture\n\n### Relationships\n\nWritten.\n', 'missing-section', /^Insert section "## Data Model"$/);
  });

  it('no section is offered for insertion after an unclosed fence, where it would be code', () => {
    const text = '```\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const target = before.find((d) => d.code === 'missing-section' && (d.data as { sectionId: string }).sectionId === 'overview');
    assert.ok(target);
    assert.deepEqual(quickFixes(text, schema, before, target).map((a) => a.title).filter((t) => t.includes('Overview') || t.startsWith('Insert all')), []);
  });

  it('inserting a subsection next to a heading written at the wrong level leaves the other sections in place', {
    todo: 'an indented heading after the inserted list continues that list item, so the heading stops being one',
  }, () => {
    applyFix('## Performance\n\n   ### Overview\n', 'missing-section', /^Insert section "### Optimization Strategies"$/);
  });

  it('inserting a missing parent whose only subsection stands elsewhere in the document does not insert it empty', () => {
    applyFix('# Architecture\n\n### Major Architectural Decisions\n\nWritten.\n', 'missing-section', /^Insert section "## Decision Log"$/);
  });

  it('a "## Testing Strategy" written as a top-level section is the Testing section, so neither it nor its subsection is missing', () => {
    const missing = diagnose('# Architecture\n\n## Testing Strategy\n\nWritten.\n', bundledSchema())
      .filter((d) => d.code === 'missing-section')
      .flatMap((d) => (d.data as { sections: Array<{ sectionId: string }> }).sections.map((s) => s.sectionId));
    assert.ok(!missing.includes('testing') && !missing.includes('testing/testing-strategy'), missing.join(' '));
  });

  it('fix-all leaves the heading tree alone, so a section written at the wrong level keeps what it holds', () => {
    fixAllRounds('## Components\n\n### Architecture\n', bundledSchema());
  });

  it('a date placeholder in the Status field offers the Status values, not a date, which is no valid Status', () => {
    const text = '# Architecture\n\n**Status**: YYYY-MM-DD\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const target = before.find((d) => d.code === 'placeholder');
    assert.ok(target);
    assert.deepEqual(quickFixes(text, schema, before, target).map((a) => a.title).filter((t) => !t.startsWith('Disable')), ['Choose "Draft"', 'Choose "Active"', 'Choose "Deprecated"']);
    applyFix(text, 'placeholder', /^Choose "Active"$/, 2);
  });

  it('inserting the title before a byte order mark and an indented heading raises nothing new', {
    todo: 'the parser reads the BOM as text, so "\\uFEFF   ### Overview" is no heading until a line is inserted above it',
  }, () => {
    applyFix('\uFEFF   ### Overview\n', 'missing-section', /^Insert section "Architecture"$/);
  });
});
