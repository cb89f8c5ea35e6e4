import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OutlineNode, OutlineResult } from '../../../server/src/protocol.ts';
import { describeNode, statusText, statusTooltip, toSectionItems } from '../../../client/src/views/outlineItems.ts';

function node(id: string, state: OutlineNode['state'], extra: Partial<OutlineNode> = {}): OutlineNode {
  return {
    id,
    title: id.split('/').at(-1)!.replace(/-/g, ' '),
    level: id.split('/').length + 1,
    state,
    optional: false,
    placeholders: 0,
    guidance: 0,
    children: [],
    ...(state === 'missing' ? {} : { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } } }),
    ...extra,
  };
}

function result(nodes: OutlineNode[], extra: Partial<OutlineResult> = {}): OutlineResult {
  return { uri: 'file:///w/ARCHITECTURE.md', version: 1, template: { kind: 'bundled', id: 'architecture' }, nodes, sectionsPresent: 11, sectionsRequired: 15, placeholders: 7, ...extra };
}

void test('describes each state in a few words', () => {
  assert.equal(describeNode(node('overview', 'complete')), 'done');
  assert.equal(describeNode(node('overview', 'placeholders', { placeholders: 1 })), '1 placeholder');
  assert.equal(describeNode(node('overview', 'placeholders', { placeholders: 3 })), '3 placeholders');
  assert.equal(describeNode(node('overview', 'empty')), 'empty');
  assert.equal(describeNode(node('overview', 'missing')), 'missing');
  assert.equal(describeNode(node('overview', 'missing', { optional: true })), 'missing (optional)');
  assert.equal(describeNode(node('overview', 'out-of-order')), 'out of order');
  assert.equal(describeNode(node('overview', 'out-of-order', { placeholders: 2 })), 'out of order · 2 placeholders');
});

void test('keeps template order and nesting, with a context value per state', () => {
  const items = toSectionItems(
    result([
      node('overview', 'complete'),
      node('system-architecture', 'placeholders', {
        placeholders: 2,
        children: [node('system-architecture/components', 'placeholders', { placeholders: 2 }), node('system-architecture/architecture-diagram', 'missing')],
      }),
      node('extra:40', 'complete', { title: 'Glossary' }),
    ]),
  );
  assert.deepEqual(
    items.map((item) => [item.label, item.contextValue]),
    [
      ['overview', 'archdoc.section.complete'],
      ['system architecture', 'archdoc.section.placeholders'],
      ['Glossary', 'archdoc.section.extra'],
    ],
  );
  const children = items[1]!.children;
  assert.deepEqual(
    children.map((item) => [item.sectionId, item.contextValue, item.description]),
    [
      ['system-architecture/components', 'archdoc.section.placeholders', '2 placeholders'],
      ['system-architecture/architecture-diagram', 'archdoc.section.missing', 'missing'],
    ],
  );
  assert.notEqual(children[0]!.id, items[0]!.id);
});

void test('shows missing sections as ghosts with a muted icon and no range', () => {
  const [ghost] = toSectionItems(result([node('security', 'missing')]));
  assert.equal(ghost!.icon.color, 'disabledForeground');
  assert.equal(ghost!.node?.range, undefined);
  assert.match(ghost!.tooltip, /insert/);
  const [optional] = toSectionItems(result([node('database-schema', 'missing', { optional: true })]));
  assert.equal(optional!.contextValue, 'archdoc.section.missing-optional', 'no insert action without a quick fix behind it');
});

void test('shows a template error as the only item', () => {
  const items = toSectionItems(result([], { error: 'template.md: no such file', nodes: [] }));
  assert.equal(items.length, 1);
  assert.equal(items[0]!.contextValue, 'archdoc.error');
  assert.match(items[0]!.description, /no such file/);
});

void test('says a document was not checked when the server names no template', () => {
  const tooLarge = result([], { template: null, error: 'The document is larger than archdoc.maxFileSize (5000000 bytes).' });
  assert.equal(toSectionItems(tooLarge)[0]!.label, 'Not checked');
  assert.equal(statusText(tooLarge), 'ArchDoc: not checked');
  assert.equal(toSectionItems(result([], { error: 'broken' }))[0]!.label, 'Template unavailable');
});

void test('writes the status bar text as sections present over required and placeholders left', () => {
  assert.equal(statusText(result([])), 'ArchDoc 11/15 · 7 placeholders');
  assert.equal(statusText(result([], { placeholders: 1 })), 'ArchDoc 11/15 · 1 placeholder');
  assert.equal(statusText(result([], { sectionsPresent: 15, placeholders: 0 })), 'ArchDoc 15/15');
  assert.equal(statusText(result([], { error: 'broken' })), 'ArchDoc: template error');
  assert.match(statusTooltip(result([])), /11 of 15 required sections present \(the bundled template\)/);
});

test('a section still holding the template\'s guidance says how many lines are left', () => {
  assert.equal(describeNode(node('security', 'guidance', { guidance: 3 })), '3 template lines');
  assert.equal(describeNode(node('security', 'guidance', { guidance: 1 })), '1 template line');
});

void test('marks a section whose statements drifted from the repository, in its description, tooltip and icon', () => {
  const [item] = toSectionItems(result([node('design-patterns', 'complete', { drift: 2 })]));
  assert.equal(item.description, 'done · 2 out of date with the repository');
  assert.match(item.tooltip, /2 statements no longer match the repository/);
  assert.equal(item.icon.id, 'git-compare');
  const [clean] = toSectionItems(result([node('design-patterns', 'complete', { drift: 0 })]));
  assert.equal(clean.description, 'done');
  assert.equal(clean.icon.id, 'pass');
});
