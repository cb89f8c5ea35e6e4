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
    problems: 0,
    outOfOrder: false,
    description: state === 'done' ? 'done' : state === 'missing' ? (extra.optional ? 'missing (optional)' : 'missing') : state,
    children: [],
    ...(state === 'missing' ? {} : { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } } }),
    ...extra,
  };
}

function result(nodes: OutlineNode[], extra: Partial<OutlineResult> = {}): OutlineResult {
  return { uri: 'file:///w/ARCHITECTURE.md', version: 1, template: { kind: 'bundled', id: 'architecture' }, nodes, sectionsWritten: 11, sectionsRequired: 15, placeholders: 7, ...extra };
}

void test("describes each state in the engine's words, and says when a section is out of order", () => {
  assert.equal(describeNode(node('overview', 'done')), 'done');
  assert.equal(describeNode(node('overview', 'placeholders', { description: '3 placeholders left' })), '3 placeholders left');
  assert.equal(describeNode(node('overview', 'missing', { optional: true })), 'missing (optional)');
  assert.equal(describeNode(node('overview', 'problems', { description: '1 problem', outOfOrder: true })), '1 problem · out of order');
  assert.equal(describeNode(node('overview', 'placeholders', { description: '2 placeholders left', outOfOrder: true })), '2 placeholders left · out of order');
});

void test('gives an out-of-order section the context value its move action matches, whatever its state', () => {
  const [item] = toSectionItems(result([node('overview', 'placeholders', { outOfOrder: true })]));
  assert.equal(item!.contextValue, 'archdoc.section.out-of-order');
});

void test('keeps template order and nesting, with a context value per state', () => {
  const items = toSectionItems(
    result([
      node('overview', 'done'),
      node('system-architecture', 'placeholders', {
        placeholders: 2,
        children: [node('system-architecture/components', 'placeholders', { placeholders: 2, description: '2 placeholders left' }), node('system-architecture/architecture-diagram', 'missing')],
      }),
      node('extra:40', 'done', { title: 'Glossary' }),
    ]),
  );
  assert.deepEqual(
    items.map((item) => [item.label, item.contextValue]),
    [
      ['overview', 'archdoc.section.done'],
      ['system architecture', 'archdoc.section.placeholders'],
      ['Glossary', 'archdoc.section.extra'],
    ],
  );
  const children = items[1]!.children;
  assert.deepEqual(
    children.map((item) => [item.sectionId, item.contextValue, item.description]),
    [
      ['system-architecture/components', 'archdoc.section.placeholders', '2 placeholders left'],
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

void test('writes the status bar text as sections written over required and placeholders left', () => {
  assert.equal(statusText(result([])), 'ArchDoc 11/15 written · 7 placeholders');
  assert.equal(statusText(result([], { placeholders: 1 })), 'ArchDoc 11/15 written · 1 placeholder');
  assert.equal(statusText(result([], { sectionsWritten: 15, placeholders: 0 })), 'ArchDoc 15/15 written');
  assert.equal(statusText(result([], { error: 'broken' })), 'ArchDoc: template error');
  assert.match(statusTooltip(result([])), /11 of 15 required sections written \(the bundled template\)/);
});

void test('says so when Restricted Mode ignores the template the workspace set', () => {
  const ignored = result([], { nodes: [], error: 'ignored', ignoredTemplate: 'templates/team.md' });
  assert.match(statusText(ignored), /template ignored/);
  assert.match(statusTooltip(ignored), /templates\/team\.md.*Restricted Mode/);
  assert.equal(toSectionItems(ignored)[0]!.label, 'Template ignored in Restricted Mode');
});

void test('marks a section whose statements drifted from the repository, in its description, tooltip and icon', () => {
  const [item] = toSectionItems(result([node('design-patterns', 'done', { drift: 2 })]));
  assert.equal(item.description, 'done · 2 out of date with the repository');
  assert.match(item.tooltip, /2 statements no longer match the repository/);
  assert.equal(item.icon.id, 'git-compare');
  const [clean] = toSectionItems(result([node('design-patterns', 'done', { drift: 0 })]));
  assert.equal(clean.description, 'done');
  assert.equal(clean.icon.id, 'pass');
});
