/**
 * Properties of single fixes and of fix-all: a heading rename keeps the numbering, emoji, CJK
 * text and suffixes around the title; a level change keeps every word; a fix never takes a
 * character it does not name; fix-all never changes a heading line, on generated documents or
 * on the real documents of the corpora.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/core/parse/document.ts';
import { fixAll } from '../../server/src/core/features/fixAll.ts';
import { levelEdits, renameEdit } from '../../server/src/core/features/fixes/headingEdits.ts';
import { applyEdits } from '../../server/src/core/features/edits.ts';
import { bundledSchema, ROOT } from '../helpers/core.ts';
import { document, TEMPLATE_TITLES } from './helpers/documents.ts';
import { headingLines } from './helpers/fixes.ts';
import { check } from './helpers/property.ts';

const prefix = fc.constantFrom('', '3. ', '2.1 ', '14b. ', 'IV. ', 'A) ', '🚀 ', '✨ 3. ', '§ ', '基础设施 ', '📦 システム ');
const suffix = fc.constantFrom('', ' v2', ' (draft)', ' 🚧', ' - 概要', ' ##');
/** A title of the template with one letter dropped or doubled, as a hurried writer types it. */
const misspelt = fc.tuple(fc.constantFrom(...TEMPLATE_TITLES.filter((t) => t.length >= 6)), fc.nat(), fc.boolean()).map(([title, n, drop]) => {
  const letters = [...title.matchAll(/\p{L}/gu)].map((m) => m.index);
  const i = letters[n % letters.length];
  return { title, written: drop ? title.slice(0, i) + title.slice(i + 1) : title.slice(0, i) + title[i] + title.slice(i) };
});

/** Letters and digits in order: what a reader would call the heading's words. */
const wordsOf = (text: string): string => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

describe('single heading fixes keep what surrounds the title', () => {
  it('a rename replaces the misspelt words only: numbering, emoji, CJK text and suffixes survive', () => {
    check(
      fc.property(prefix, misspelt, suffix, fc.constantFrom('## ', '### ', '# '), (before, { title, written }, after, marker) => {
        const text = `${marker}${before}${written}${after}\n\nText.\n`;
        const model = parseDocument(text);
        const { edit } = renameEdit(model, model.headings[0], title);
        const closing = after === ' ##' ? '' : after;
        assert.equal(applyEdits(text, [edit]), `${marker}${before}${title}${closing}${after === ' ##' ? ' ##' : ''}\n\nText.\n`);
      }),
      400,
    );
  });

  it('a level change keeps every word of the heading, setext headings of several lines included', () => {
    check(
      fc.property(prefix, fc.constantFrom(...TEMPLATE_TITLES), fc.integer({ min: 1, max: 6 }), fc.constantFrom('atx', 'setext', 'setext2'), (before, title, level, style) => {
        // `3. Title` on a line of its own, then more lines, is a list item, not a setext heading.
        fc.pre(style === 'atx' || !/^\d+[.)] /.test(before));
        const written = `${before}${title}`;
        const text = style === 'atx' ? `#### ${written}\n\nText.\n` : style === 'setext' ? `${written}\n===\n\nText.\n` : `${written}\nand more\n---\n\nText.\n`;
        const model = parseDocument(text);
        const h = model.headings[0];
        const after = parseDocument(applyEdits(text, levelEdits(model, h, level)));
        assert.equal(after.headings[0]?.level, level, 'the heading has the new level');
        assert.equal(wordsOf(after.headings[0].text), wordsOf(h.text), 'and every word it had');
        assert.ok(applyEdits(text, levelEdits(model, h, level)).endsWith('\n\nText.\n'));
      }),
      300,
    );
  });
});

describe('fix-all never changes the heading tree', () => {
  it('leaves every heading line of generated documents as it was, and reaches a fixed point', () => {
    const schema = bundledSchema();
    check(
      fc.property(document, (text) => {
        const once = fixAll(text, schema);
        assert.deepEqual(headingLines(once.text), headingLines(text));
        assert.equal(fixAll(once.text, schema).applied, 0, 'a second run finds nothing left to do');
      }),
      300,
    );
  });

  it('changes no heading line of the real documents in the corpora', (t) => {
    const schema = bundledSchema();
    const dirs = ['real', 'corpus', 'valid', 'rules'].map((d) => path.join(ROOT, 'test', 'fixtures', d)).filter((d) => existsSync(d));
    let documents = 0;
    let applied = 0;
    let changed = 0;
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        const result = fixAll(text, schema);
        const before = headingLines(text);
        const after = headingLines(result.text);
        changed += before.filter((line, i) => after[i] !== line).length + Math.max(0, after.length - before.length);
        documents++;
        applied += result.applied;
      }
    }
    assert.ok(documents >= 10, `only ${documents} documents were found`);
    assert.equal(changed, 0, 'heading lines changed by fix-all');
    t.diagnostic(`${documents} documents, ${applied} certain fixes applied, ${changed} heading lines changed`);
  });
});
