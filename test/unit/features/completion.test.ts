import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { completion, type CompletionOptions } from '../../../server/src/core/features/completion.ts';
import { schemaOf } from '../../helpers/core.ts';
import { atCursor, doc, TODAY } from './helpers.ts';

const SNIPPETS: CompletionOptions = { today: TODAY, insertSkeleton: true, snippets: true };

function complete(textWithCursor: string, options: Partial<CompletionOptions> = {}): CompletionItem[] {
  const { analysis, position } = atCursor(textWithCursor);
  return completion(analysis, position, { ...SNIPPETS, ...options });
}

/** Labels in the order a client sorts them (by sortText). */
function labels(items: readonly CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
}

function check(textWithCursor: string, expected: string[], options: Partial<CompletionOptions> = {}): CompletionItem[] {
  const items = complete(textWithCursor, options);
  assert.deepEqual(labels(items).slice(0, expected.length), expected);
  return items;
}

describe('heading completion', () => {
  it('offers absent top-level sections on a `##` line with the next expected one first and preselected', () => {
    const items = check(doc('# Orbit', '', '## Overview', '', 'Text.', '', '## Data Model', '', 'Text.', '', '##$0'), ['API Design', 'System Architecture', 'Infrastructure']);
    const preselected = items.filter((i) => i.preselect);
    assert.deepEqual(preselected.map((i) => i.label), ['API Design']);
    assert.ok(!items.some((i) => i.label === 'Overview' || i.label === 'Data Model'), 'present sections are not offered again');
  });

  it('offers the subsections of the enclosing section on a `###` line', () => {
    check(doc('# Orbit', '', '## Data Model', '', '### Entities', '', 'Text.', '', '### $0'), ['Relationships', 'Database Schema']);
  });

  it('offers the sections under a level-1 section of a template without a title', () => {
    const schema = schemaOf(doc('# Service', '', '## Purpose', '', 'Why.', '', '## Risks', '', 'What.', '', '# Operations', '', '## Runbook', '', 'How.'));
    const { analysis, position } = atCursor(doc('# Service', '', '## Purpose', '', 'Billing.', '', '## $0'), schema);
    assert.deepEqual(labels(completion(analysis, position, SNIPPETS)), ['Risks']);
  });

  it('offers nothing on a `###` line under a section the template does not know', () => {
    assert.deepEqual(complete(doc('# Orbit', '', '## Glossary', '', '### $0')), []);
  });

  it('still offers the section the current heading line already names while it is being typed', () => {
    const items = complete(doc('# Orbit', '', '## Overv$0'));
    assert.ok(items.some((i) => i.label === 'Overview'));
  });

  it('inserts the heading and the skeleton as a snippet whose placeholders are tab stops', () => {
    const items = complete(doc('# Orbit', '', '## $0'));
    const item = items.find((i) => i.label === 'System Architecture');
    assert.equal(item?.insertTextFormat, InsertTextFormat.Snippet);
    const text = item && 'newText' in (item.textEdit ?? {}) ? (item.textEdit as { newText: string }).newText : '';
    assert.match(text, /^## System Architecture\n\n### Architecture Diagram\n/);
    assert.match(text, /\$\{1:\[ASCII diagram or link to diagram\]\}/);
    assert.match(text, /### Components/);
  });

  it('inserts the heading only when skeletons are turned off', () => {
    const items = complete(doc('# Orbit', '', '## $0'), { insertSkeleton: false });
    const item = items.find((i) => i.label === 'Security');
    assert.deepEqual((item?.textEdit as { newText: string }).newText, '## Security');
  });

  it('replaces the whole heading line and filters on the heading text', () => {
    const items = complete(doc('# Orbit', '', '## Sec$0'));
    const item = items.find((i) => i.label === 'Security');
    assert.equal(item?.filterText, '## Security');
    assert.deepEqual((item?.textEdit as { range: unknown }).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
  });

  it('inserts plain text with dates filled in for clients without snippets', () => {
    const items = complete(doc('# Orbit', '', '## Decision Log', '', '### $0'), { snippets: false });
    const item = items.find((i) => i.label === 'Major Architectural Decisions');
    assert.equal(item?.insertTextFormat, InsertTextFormat.PlainText);
    assert.match((item?.textEdit as { newText: string }).newText, new RegExp(`\\*\\*${TODAY} - Decision Title\\*\\*`));
  });

  it('offers nothing inside a code fence', () => {
    assert.deepEqual(complete(doc('# Orbit', '', '```', '## $0', '```')), []);
  });
});

describe('field completion', () => {
  it('offers the enumeration values after `**Status**: `', () => {
    const items = check(doc('# Orbit', '', '**Status**: $0'), ['Draft', 'Active', 'Deprecated']);
    assert.deepEqual((items[0].textEdit as { range: unknown }).range, { start: { line: 2, character: 12 }, end: { line: 2, character: 12 } });
  });

  it('replaces a value already typed after the label', () => {
    const items = complete(doc('# Orbit', '', '**Status**: Dra$0'));
    assert.deepEqual((items[0].textEdit as { range: unknown }).range, { start: { line: 2, character: 12 }, end: { line: 2, character: 15 } });
  });

  it("offers today's date after a date field's label", () => {
    check(doc('# Orbit', '', '**Last Updated**: $0'), [TODAY]);
  });

  it('offers nothing after a label the template does not type', () => {
    assert.deepEqual(complete(doc('# Orbit', '', '**Owner**: $0')), []);
  });
});

describe('entry completion', () => {
  const decision = (...extra: string[]): string =>
    doc('# Orbit', '', '## Decision Log', '', '### Major Architectural Decisions', '', '**2024-01-02 - Use Postgres**', '- **Context**: Growth', ...extra);

  it("offers an entry's missing fields, required ones in template order", () => {
    check(decision('$0'), ['Decision', 'Rationale', 'Alternatives', 'Consequences']);
  });

  it('inserts a missing field with its guidance as a tab stop, in the bullet the entry uses', () => {
    const items = complete(decision('- $0'));
    const item = items.find((i) => i.label === 'Rationale');
    assert.equal((item?.textEdit as { newText: string }).newText, '- **Rationale**: ${1:Why this was chosen}');
  });

  it('does not offer fields the entry already has', () => {
    const items = complete(decision('- **Decision**: Postgres', '$0'));
    assert.ok(!items.some((i) => i.label === 'Context' || i.label === 'Decision'));
  });

  it('offers a new decision record on an empty line of the Decision Log', () => {
    const items = complete(doc('# Orbit', '', '## Decision Log', '', '### Major Architectural Decisions', '', '$0'));
    const item = items.find((i) => i.label === 'New Decision');
    assert.ok(item, 'a new decision is offered');
    assert.match((item.textEdit as { newText: string }).newText, new RegExp(`^\\*\\*\\$\\{1:${TODAY}\\} - Decision Title\\*\\*\\n- \\*\\*Context\\*\\*: \\$\\{2:`));
  });

  it('separates a new entry from a list right above it by a blank line', () => {
    const items = complete(decision('$0'));
    const item = items.find((i) => i.label === 'New Decision');
    assert.match((item?.textEdit as { newText: string }).newText, /^\n\*\*/);
  });

  it('offers no entry on an empty line of a section without entries', () => {
    assert.deepEqual(complete(doc('# Orbit', '', '## Overview', '', '$0')), []);
  });
});
