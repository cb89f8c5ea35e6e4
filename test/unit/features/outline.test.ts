import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { outline } from '../../../server/src/core/features/outline.ts';
import type { OutlineNode } from '../../../server/src/protocol.ts';
import { bundledSchema, engine } from '../../helpers/core.ts';
import type { Analysis } from '../../../server/src/core/types.ts';
import { analyzed, doc } from './helpers.ts';

function outlineOf(analysis: Analysis): ReturnType<typeof outline> {
  return outline(analysis, engine.check(analysis));
}

function find(nodes: readonly OutlineNode[], title: string): OutlineNode | undefined {
  for (const n of nodes) {
    if (n.title === title) return n;
    const child = find(n.children, title);
    if (child) return child;
  }
  return undefined;
}

function check(text: string, expected: Record<string, string>): ReturnType<typeof outline> {
  const result = outlineOf(analyzed(text));
  const states = Object.fromEntries(Object.keys(expected).map((title) => [title, find(result.nodes, title)?.state ?? 'absent from the outline']));
  assert.deepEqual(states, expected);
  return result;
}

describe('template-aware outline', () => {
  it('marks a section whose text is still the template\'s guidance, and counts those lines', () => {
    const text = doc('# Orbit', '', '## Overview', '', 'High-level description of how the system is designed and why these choices were made.', '', '## Data Model', '', 'Ours.', '');
    const result = check(text, { Overview: 'guidance', 'Data Model': 'done' });
    assert.equal(find(result.nodes, 'Overview')?.guidance, 1);
  });

  it('lists every template section in template order, present or not', () => {
    const result = outlineOf(analyzed(doc('# Orbit', '', '## Security', '', 'Locked down.', '')));
    assert.deepEqual(result.nodes.slice(0, 3).map((n) => n.title), ['Overview', 'System Architecture', 'Data Model']);
    assert.equal(result.nodes.length, 16);
  });

  it('gives each section its state: done, problems, placeholders, empty, missing', () => {
    const text = doc('# Orbit', '', '## Overview', '', 'Fine.', '', '## Data Model', '', '## API Design', '', 'Made by [TODO].', '', '## System Architecture', '', 'Done.', '');
    const result = check(text, { Overview: 'done', 'System Architecture': 'problems', 'Data Model': 'empty', 'API Design': 'placeholders', Security: 'missing' });
    assert.equal(find(result.nodes, 'System Architecture')?.outOfOrder, true);
  });

  it('says a section with invalid dates has problems, not that it is done', () => {
    const text = doc('# Orbit', '', '## Decision Log', '', '### Major Architectural Decisions', '', '**2024-13-45 - Use Postgres**', '- **Context**: Growth', '- **Decision**: Postgres', '- **Rationale**: Known', '- **Alternatives**: None', '- **Consequences**: Ops', '');
    const result = check(text, { 'Major Architectural Decisions': 'problems', 'Decision Log': 'problems' });
    assert.equal(find(result.nodes, 'Major Architectural Decisions')?.description, '1 problem');
  });

  it('takes the least advanced state of its subsections for a section with no text of its own', () => {
    const text = doc('# Orbit', '', '## Data Model', '', '### Entities', '', 'Accounts.', '', '### Relationships', '', 'Made by [TODO].', '');
    check(text, { 'Data Model': 'placeholders', Entities: 'done', Relationships: 'placeholders' });
  });

  it('counts a guidance-only scaffold as nothing written', () => {
    const text = doc('# Orbit', '', '## Overview', '', 'High-level description of how the system is designed and why these choices were made.', '', '## Security', '', 'Locked down.', '');
    const result = outlineOf(analyzed(text));
    assert.equal(result.sectionsWritten, 1);
  });

  it('marks optional sections and lists sections the author added under their parent', () => {
    const text = doc('# Orbit', '', '## Data Model', '', '### Entities', '', 'Accounts.', '', '### Glossary', '', 'Terms.', '');
    const result = outlineOf(analyzed(text));
    const dataModel = find(result.nodes, 'Data Model');
    assert.deepEqual(dataModel?.children.map((c) => [c.title, c.state, c.optional]), [
      ['Entities', 'done', false],
      ['Relationships', 'missing', false],
      ['Database Schema', 'missing', true],
      ['Glossary', 'done', true],
    ]);
    assert.equal(dataModel?.children[3].id, 'extra:8');
  });

  it('counts required sections written and placeholders left', () => {
    const result = outlineOf(analyzed(doc('# Orbit', '', '## Overview', '', '[Project Name] is small.', '', '## Security', '', 'Locked down.', '')));
    assert.equal(result.sectionsWritten, 1);
    assert.equal(result.sectionsRequired, bundledSchema().sections.filter((s) => !s.optional).length);
    assert.equal(result.placeholders, 1);
  });
});
