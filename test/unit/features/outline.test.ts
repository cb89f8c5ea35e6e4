import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { outline } from '../../../server/src/core/features/outline.ts';
import type { OutlineNode } from '../../../server/src/protocol.ts';
import { bundledSchema } from '../../helpers/core.ts';
import { analyzed, doc } from './helpers.ts';

function find(nodes: readonly OutlineNode[], title: string): OutlineNode | undefined {
  for (const n of nodes) {
    if (n.title === title) return n;
    const child = find(n.children, title);
    if (child) return child;
  }
  return undefined;
}

function check(text: string, expected: Record<string, string>): ReturnType<typeof outline> {
  const result = outline(analyzed(text));
  const states = Object.fromEntries(Object.keys(expected).map((title) => [title, find(result.nodes, title)?.state ?? 'absent from the outline']));
  assert.deepEqual(states, expected);
  return result;
}

describe('template-aware outline', () => {
  it('marks a section whose text is still the template\'s guidance, and counts those lines', () => {
    const text = doc('# Orbit', '', '## Overview', '', 'High-level description of how the system is designed and why these choices were made.', '', '## Data Model', '', 'Ours.', '');
    const result = check(text, { Overview: 'guidance', 'Data Model': 'complete' });
    assert.equal(find(result.nodes, 'Overview')?.guidance, 1);
  });

  it('lists every template section in template order, present or not', () => {
    const result = outline(analyzed(doc('# Orbit', '', '## Security', '', 'Locked down.', '')));
    assert.deepEqual(result.nodes.slice(0, 3).map((n) => n.title), ['Overview', 'System Architecture', 'Data Model']);
    assert.equal(result.nodes.length, 16);
  });

  it('gives each section its state: complete, placeholders, empty, missing, out of order', () => {
    const text = doc('# Orbit', '', '## Overview', '', 'Fine.', '', '## Data Model', '', '## API Design', '', 'Made by [TODO].', '', '## System Architecture', '', 'Done.', '');
    check(text, { Overview: 'complete', 'System Architecture': 'out-of-order', 'Data Model': 'empty', 'API Design': 'placeholders', Security: 'missing' });
  });

  it('marks optional sections and lists sections the author added under their parent', () => {
    const text = doc('# Orbit', '', '## Data Model', '', '### Entities', '', 'Accounts.', '', '### Glossary', '', 'Terms.', '');
    const result = outline(analyzed(text));
    const dataModel = find(result.nodes, 'Data Model');
    assert.deepEqual(dataModel?.children.map((c) => [c.title, c.state, c.optional]), [
      ['Entities', 'complete', false],
      ['Relationships', 'missing', false],
      ['Database Schema', 'missing', true],
      ['Glossary', 'complete', true],
    ]);
    assert.equal(dataModel?.children[3].id, 'extra:8');
  });

  it('counts required sections present and placeholders left', () => {
    const result = outline(analyzed(doc('# Orbit', '', '## Overview', '', '[Project Name] is small.', '')));
    assert.equal(result.sectionsPresent, 1);
    assert.equal(result.sectionsRequired, bundledSchema().sections.filter((s) => !s.optional).length);
    assert.equal(result.placeholders, 1);
  });
});
