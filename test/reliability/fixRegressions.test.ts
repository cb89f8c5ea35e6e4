/**
 * The smallest documents on which a quick fix once broke its promise, each found by the
 * property tests (codeActions.property, server.property), which now fail if one returns. Each
 * test states the behaviour that holds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledSchema } from '../helpers/core.ts';
import { applyAsClient, assertFixOutcome, diagnose, editsOf, endsLenientCheck, fixAllRounds, headingLines, mayTouch, quickFixes } from './helpers/fixes.ts';
import { engine } from '../helpers/core.ts';

/** Applies the fix titled `title` offered for the diagnostic of `code` on `line`, checks its outcome, and returns the text. */
function applyFix(text: string, code: string, title: RegExp, line = 0, selectedBy?: 'name'): string {
  const schema = bundledSchema();
  const before = diagnose(text, schema, selectedBy);
  const target = before.find((d) => d.code === code && d.range.start.line === line);
  if (!target) throw new Error(`no ${code} diagnostic on line ${line}: ${before.map((d) => `${d.range.start.line}:${String(d.code)}`).join(' ')}`);
  const action = quickFixes(text, schema, before, target).find((a) => title.test(a.title));
  if (!action) throw new Error(`no fix titled ${title} for ${code}`);
  const after = applyAsClient(text, editsOf(action));
  assertFixOutcome(before, diagnose(after, schema, selectedBy), action.diagnostics ?? [], action.title, { before: text, after, schema, selectedBy });
  return after;
}

describe('quick fixes keep their promise on the smallest documents that broke them', () => {
  it('inserting sections into a leniently checked document inserts them, and the full check that follows reports what the lenient one held back', () => {
    const text = '## the\n\n## Deployment\n';
    const schema = bundledSchema();
    assert.ok(engine.analyze(text, schema).fit.adapted, 'the document is adapted from the template, so checked leniently');
    const after = applyFix(text, 'missing-section', /^Insert all \d+ missing sections$/, 0, 'name');
    assert.ok(endsLenientCheck('Insert all', { before: text, after, schema, selectedBy: 'name' }), 'the insertion made the document follow the template');
    // The author's own heading is still there, and the sections the fix named were inserted.
    assert.ok(headingLines(after).includes('## the'));
    assert.ok(headingLines(after).includes('## Overview'));
  });

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

  it('inserting a subsection that ends in a list before an indented heading closes the list, so the heading stays one', () => {
    const after = applyFix('## Performance\n\n   ### Overview\n', 'missing-section', /^Insert section "### Optimization Strategies"$/);
    assert.ok(headingLines(after).includes('   ### Overview'), after);
    assert.match(after, /- Lazy loading strategies\n\n<!-- -->\n\n {3}### Overview\n$/);
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

  it('a byte order mark before an indented heading is no text: the heading is one, before and after inserting the title', () => {
    assert.deepEqual(engine.analyze('\uFEFF   ### Overview\n', bundledSchema()).model.headings.map((h) => [h.level, h.text]), [[3, 'Overview']]);
    const after = applyFix('\uFEFF   ### Overview\n', 'missing-section', /^Insert section "Architecture"$/);
    assert.ok(after.startsWith('\uFEFF# Architecture\n'), JSON.stringify(after));
  });

  it('disabling a code for the file keeps a first line that silences itself where it is', () => {
    const text = '<!-- archdoc-disable-line -->\n\n- Trigger: What initiates this job\n';
    const after = applyFix(text, 'template-text', /^Disable template-text for this file$/, 2);
    assert.equal(after.split('\n')[0], '<!-- archdoc-disable-line --> <!-- archdoc-disable-file template-text -->');
  });

  it('no section is moved to the end of a document that ends in an unclosed fence, where it would be code', () => {
    const text = '## Testing Strategy\n\n## Security\n\n~~~\n```\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.some((t) => t.startsWith('Move section')), titles.join(' | '));
  });

  it('declaring a heading to be a section of a leniently checked document makes it follow the template, and the full check follows', () => {
    applyFix('## Architecture\n', 'missing-section', / is this document's System Architecture$/, 0, 'name');
  });

  it('inserting the subsections of a heading that stands for a section and one of its subsections puts them under it', () => {
    // `## Logging` is Monitoring and Observability, and its Logging subsection: Metrics goes after it, not above it.
    for (const text of ['## Logging\n', '## 1. Scalability\n', '## Security Measures\n', 'Database Schema\n---\n']) {
      const after = applyFix(text, 'missing-section', /^Insert all \d+ missing sections$/);
      const lines = headingLines(after);
      const own = lines.indexOf(text.trimEnd());
      assert.ok(own >= 0, after);
      // Every subsection inserted before the author's heading nests under a section above it, none under the title alone.
      assert.ok(!/^### /.test(lines[1] ?? ''), `${JSON.stringify(text)}: ${lines.slice(0, 3).join(' | ')}`);
    }
  });

  it('a section whose only content is a heading of another section nested under it is not moved, which would leave it empty', () => {
    const text = '## Testing Strategy\n\n   ### Overview\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.some((t) => t.startsWith('Move section')), titles.join(' | '));
    assert.ok(before.some((d) => d.code === 'section-order'), 'the section is still reported out of order');
  });

  it('a heading of the author\'s own is not offered as a section while a template section of another parent stands under it', () => {
    // Under "## the API", "## Error Tracking" (a subsection, at the wrong level) is where the author wants it;
    // declared to be API Design, the heading would make it a subsection filed under the wrong parent.
    const text = '## the API\n\n## Error Tracking\n\n### Security Measures\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.some((t) => t.includes(' is this document\'s ')), titles.join(' | '));
    assert.ok(titles.includes('Insert section "## API Design"'), titles.join(' | '));
  });

  it('inserted content whose last paragraph turns into a list is closed before an indented heading, so the heading stays one', () => {
    // "**E2E Tests**" then "- …": a list interrupting a paragraph would take "   ### Overview" into its last item.
    const filled = applyFix('### Testing Strategy\n\n   ### Overview\n', 'empty-section', /^Insert the template's content for "Testing Strategy"$/);
    assert.ok(headingLines(filled).includes('   ### Overview'), filled);
    const inserted = applyFix('## System Architecture\n\n\n   ### Overview\n', 'missing-section', /^Insert all \d+ missing sections$/);
    assert.ok(headingLines(inserted).includes('   ### Overview'), inserted);
  });

  it('a field added to an entry that ends a document without a final line break goes on the line after the entry title', () => {
    const text = '### Major Architectural Decisions\n\n**Component Name**';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const target = before.find((d) => d.code === 'missing-field');
    assert.ok(target);
    const action = quickFixes(text, schema, before, target).find((a) => a.title === 'Add field "Context"');
    assert.ok(action);
    const lines = text.split('\n');
    for (const edit of editsOf(action)) assert.ok(mayTouch(lines, target, edit, action.title), JSON.stringify(edit.range));
    assert.equal(applyFix(text, 'missing-field', /^Add field "Context"$/, 2), `${text}\n- **Context**: What was the situation`);
  });

  it('a heading is not offered as a section that would read what it holds as entries lacking their fields', () => {
    const text = '## Architecture\n\n**2024-01-01 - the**\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.includes('"## Architecture" is this document\'s Decision Log'), titles.join(' | '));
    applyFix(text, 'missing-section', / is this document's System Architecture$/);
  });

  it('the title is inserted after the front matter, which stays front matter', () => {
    const text = '---\n\n# Architecture\n\nTechnical design documentation for [Project Name].\n\n\n---\narchdoc: true\ntitle: x\n---\n';
    const after = applyFix(text, 'missing-section', /^Insert all \d+ missing sections$/);
    assert.ok(after.startsWith(text.split('archdoc: true')[0]), 'the front matter is where it was');
    assert.ok(!diagnose(after, bundledSchema()).some((d) => d.code === 'placeholder'), 'its text is not read as the body');
  });

  it('a missing parent is not inserted where it would take the only content of a section written a level too deep', () => {
    // "### System Architecture" holds "### Testing Strategy" as the template nests them; "## Testing" before it would leave it empty.
    const text = '### System Architecture\n\n### Testing Strategy\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.includes('Insert section "## Testing"'), titles.join(' | '));
  });

  it('no section is moved when a heading it holds would arrive empty, its content having been what follows the block', () => {
    // A level-1 "Data Protection" holds the sections after it as markdown nests them; moved to the end, it holds nothing.
    const text = '# Architecture\n\n## Security\n\n\nData Protection\n===\n\n## Technology Stack\n\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.some((t) => t.startsWith('Move section')), titles.join(' | '));
  });

  it('no section is inserted above a suppression comment that is all the section before it holds', () => {
    const text = '## Data Model\n\n\n<!-- archdoc-disable-next-line -->';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.includes('Insert section "## API Design"'), titles.join(' | '));
  });

  it('a declaration is judged by the full check, so one that would leave a subsection empty is not offered', () => {
    const text = '## Architecture\n\n### ecision Log\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.includes('"## Architecture" is this document\'s System Architecture'), titles.join(' | '));
  });

  it('no section is moved out of a section that would be left with nothing', () => {
    // "### ecision Log" is all "## Performance" holds.
    const text = '## Performance\n\n### ecision Log\n\n## Testing\n\n\n- Purpose: \n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.some((t) => t.startsWith('Move section')), titles.join(' | '));
  });

  it('no section is moved when the move would make a section’s field line the document’s own metadata', () => {
    // Moving "## Deployment" up leaves "**Last Updated**: Draft" as the run of field lines that ends the document.
    const text = '## Monitoring and Observability\n\n\n**Last Updated**: Draft\n\n## Deployment\n\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    assert.ok(before.some((d) => d.code === 'section-order'), before.map((d) => String(d.code)).join(' '));
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.some((t) => t.startsWith('Move section')), titles.join(' | '));
  });

  it('a fence opened again by a line with an info string is still open, so no section is inserted inside it', () => {
    // "```sql" cannot close a fence: the whole document is code, and sections go above it.
    const text = '```sql\n\n```sql\n';
    const schema = bundledSchema();
    const before = diagnose(text, schema);
    const titles = before.flatMap((d) => quickFixes(text, schema, before, d).map((a) => a.title));
    assert.ok(!titles.some((t) => /^Insert (?:all|section "#)/.test(t)), titles.join(' | '));
    applyFix(text, 'missing-section', /^Insert section "Architecture"$/);
  });

  it('a section inserted before a line holding only a line separator is kept apart from it by a blank line', () => {
    // U+2028 is no blank line to markdown: without one, the inserted guidance and it would be the text of the setext heading below.
    applyFix('\u2028\n---\n', 'missing-section', /^Insert section "## Overview"$/);
  });
});
