import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../server/src/core/parse/document.ts';
import { diagnose, pairs, ROOT } from '../../helpers/core.ts';

const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');

test('CRLF, CR-only and mixed line endings give the same findings on the same lines', () => {
  const doc = VALID.replace('Technical design documentation for Orbit Ledger', 'Technical design documentation for [Project Name]');
  const expected = pairs(diagnose(doc));
  assert.deepEqual(expected, ['3:placeholder']);
  assert.deepEqual(pairs(diagnose(doc.replace(/\n/g, '\r\n'))), expected);
  assert.deepEqual(pairs(diagnose(doc.replace(/\n/g, '\r'))), expected);
  const mixed = doc.split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')).join('');
  assert.deepEqual(pairs(diagnose(mixed)), expected);
});

test('a byte order mark changes neither the structure nor any column', () => {
  const doc = '\uFEFF# Architecture\n\nFor [Project Name].\n';
  const d = diagnose(doc).find((x) => x.code === 'placeholder');
  assert.ok(d);
  assert.deepEqual(d.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 18 } });
  assert.equal(parseDocument(doc).headings[0].text, 'Architecture');
});

test('columns count UTF-16 code units after emoji and CJK text', () => {
  const doc = '# 架构 🚀\n\n设计 🚀🚀 for [Project Name] 😀\n';
  const d = diagnose(doc).find((x) => x.code === 'placeholder');
  assert.ok(d);
  const line = doc.split('\n')[2];
  assert.equal(d.range.start.character, line.indexOf('[Project Name]'));
  assert.equal(d.range.start.character, 12, 'two CJK units, two surrogate pairs, spaces and "for "');
  assert.equal(line.slice(d.range.start.character, d.range.end.character), '[Project Name]');
});

test('setext headings are headings; headings in fences and front matter are not', () => {
  const model = parseDocument(
    ['---', 'archdoc: true', 'title: x', '---', 'Architecture', '============', '', '```', '## Overview', '```', '', 'Overview', '--------', ''].join('\n'),
  );
  assert.deepEqual(model.headings.map((h) => [h.line, h.level, h.text, h.setext]), [
    [4, 1, 'Architecture', true],
    [11, 2, 'Overview', true],
  ]);
  assert.equal(model.frontMatter.get('archdoc'), 'true');
  assert.equal(model.codeLines[1], 1);
});

test('heading ranges cover the title text without its markers', () => {
  const model = parseDocument('## Data Model ##\n');
  assert.deepEqual(model.headings[0].textRange, { start: { line: 0, character: 3 }, end: { line: 0, character: 13 } });
});

test('headings match the template loosely: case, numbering, emoji, punctuation, a trailing (If applicable)', () => {
  const doc = VALID.replace('## Overview', '## 🚀 1. OVERVIEW:')
    .replace('## Data Model', '## 3) Data model')
    .replace('### Database Schema', '### Database Schema (If applicable)')
    .replace('## API Design', '## IV. API Design')
    .replace('### REST Endpoints', '### 4.1.2 REST Endpoints')
    .replace('## Infrastructure', '## E. Infrastructure')
    .replace('## Workflows', '## 6b. Workflows');
  assert.deepEqual(pairs(diagnose(doc)), []);
});

test('suppression comments silence a code on the next line, on a range, or in the whole file', () => {
  const base = '# Architecture\n\n<!-- archdoc-disable-file missing-section -->\n';
  assert.deepEqual(pairs(diagnose(base + '<!-- archdoc-disable-next-line placeholder -->\nFor [Project Name].\nFor [Project Name].\n')), ['6:placeholder']);
  assert.deepEqual(pairs(diagnose(base + '<!-- archdoc-disable placeholder -->\n[TBD]\n<!-- archdoc-enable placeholder -->\n[TBD]\n')), ['7:placeholder']);
  assert.deepEqual(pairs(diagnose(base + '<!-- archdoc-disable-file -->\n[TBD]\n')), []);
  assert.deepEqual(pairs(diagnose(base + '<!-- archdoc-disable-next-line template-text -->\nFor [Project Name].\n')), ['5:placeholder']);
});

test('malformed markdown never throws and still yields a model', () => {
  for (const text of ['', '\n', '```', '# ', '|', '| a |\n|-', '[', '**', '<!--', '- [ ]', '\u0000', '\uD800', '#'.repeat(10), '>'.repeat(5000)]) {
    assert.doesNotThrow(() => diagnose(text), `input ${JSON.stringify(text.slice(0, 20))}`);
  }
});
