import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  blankInlineCode,
  firstPlaceholder,
  localIsoDate,
  MAX_NAME_LENGTH,
  resolveTarget,
  isRecognisedName,
  suggestAlternative,
  validateProjectName,
} from '../../../client/src/commands/scaffoldInput.ts';

void test('accepts names with quotes, brackets, dollars, slashes, backslashes and any script', () => {
  const names = [
    'Billing',
    `O'Brien "Quoted" Service`,
    '[Project Name]',
    '$1 ${TM_FILENAME} $$',
    'front/back\\end',
    'Zahlungsdienst – Ünïcödé',
    'خدمة الدفع',
    '支付服务 🚀',
    '<script>alert(1)</script>',
  ];
  for (const name of names) assert.equal(validateProjectName(name), undefined, name);
});

void test('refuses empty and blank names', () => {
  assert.match(validateProjectName('') ?? '', /Enter/);
  assert.match(validateProjectName('   ') ?? '', /Enter/);
});

void test('refuses line breaks, tabs and other control characters', () => {
  for (const name of ['two\nlines', 'cr\rhere', 'tab\there', 'nul\u0000', 'bell\u0007', 'sep\u2028line', 'para\u2029graph', 'del\u007f']) {
    assert.match(validateProjectName(name) ?? '', /control characters/, JSON.stringify(name));
  }
});

void test('refuses unpaired surrogates but accepts paired ones', () => {
  assert.match(validateProjectName('bad \ud800 half') ?? '', /invalid character/);
  assert.equal(validateProjectName('ok \ud83d\ude80'), undefined);
});

void test('caps the length in characters, not UTF-16 units', () => {
  assert.equal(validateProjectName('a'.repeat(MAX_NAME_LENGTH)), undefined);
  assert.match(validateProjectName('a'.repeat(MAX_NAME_LENGTH + 1)) ?? '', /under/);
  assert.equal(validateProjectName('🚀'.repeat(MAX_NAME_LENGTH)), undefined);
});

void test('resolves plain and nested markdown targets into segments', () => {
  assert.deepEqual(resolveTarget('ARCHITECTURE.md'), { ok: true, segments: ['ARCHITECTURE.md'], relativePath: 'ARCHITECTURE.md' });
  assert.deepEqual(resolveTarget('docs/ARCHITECTURE.md'), { ok: true, segments: ['docs', 'ARCHITECTURE.md'], relativePath: 'docs/ARCHITECTURE.md' });
  assert.deepEqual(resolveTarget('  ./docs//design\\arch.markdown '), {
    ok: true,
    segments: ['docs', 'design', 'arch.markdown'],
    relativePath: 'docs/design/arch.markdown',
  });
  assert.equal(resolveTarget('docs/Über Architektur.md').ok, true);
});

void test('refuses targets that would leave the folder', () => {
  for (const target of ['../ARCHITECTURE.md', 'docs/../../x.md', '..\\x.md', 'docs/..', '/etc/ARCHITECTURE.md', '\\\\server\\share\\a.md', 'C:\\a.md', 'c:a.md', '~/a.md']) {
    const resolved = resolveTarget(target);
    assert.equal(resolved.ok, false, target);
  }
});

void test('refuses empty targets, non-markdown files and names Windows cannot store', () => {
  for (const target of ['', '   ', 'docs/', 'notes.txt', 'ARCHITECTURE', '.md', 'a<b>.md', 'what?.md', 'star*.md', 'pipe|.md', 'stream.md:hidden', 'dir./a.md', 'dir /a.md', 'nul\u0000.md']) {
    assert.equal(resolveTarget(target).ok, false, JSON.stringify(target));
  }
});

void test('suggests only free names that are recognised as architecture documents', () => {
  const taken = new Set(['ARCHITECTURE.md', 'docs/ARCHITECTURE.md', 'docs/architecture/ARCHITECTURE.md', 'docs/architecture/ARCHITECTURE-2.md']);
  const exists = (candidate: string): boolean => taken.has(candidate);
  assert.equal(suggestAlternative('ARCHITECTURE.md', () => false), 'docs/ARCHITECTURE.md');
  assert.equal(suggestAlternative('ARCHITECTURE.md', exists), 'docs/architecture/ARCHITECTURE-3.md');
  assert.equal(suggestAlternative('docs/architecture/payments.md', (c) => c === 'docs/architecture/payments-2.md'), 'docs/architecture/payments-3.md');
  assert.equal(suggestAlternative('notes.markdown', exists), 'docs/architecture/ARCHITECTURE-3.md');
  for (const suggestion of ['ARCHITECTURE.md', 'docs/ARCHITECTURE.md', 'notes.md', 'docs/architecture/x.md'].map((p) => suggestAlternative(p, exists))) {
    assert.ok(isRecognisedName(suggestion), suggestion);
  }
  assert.ok(isRecognisedName('Architecture.md') && !isRecognisedName('ARCHITECTURE-2.md') && !isRecognisedName('docs/notes.md'));
});

void test("formats today's date in local time", () => {
  assert.equal(localIsoDate(new Date(2031, 3, 9, 23, 59)), '2031-04-09');
  assert.equal(localIsoDate(new Date(2030, 11, 31, 0, 0)), '2030-12-31');
});

void test('finds the first placeholder, skipping links, task boxes and code spans', () => {
  const text = [
    '# Architecture',
    '',
    'See [the guide](x.md), [ref][x] and `[Not This]`.',
    '- [ ] task and [x] done',
    'Technical design for Billing, owner [Owner Name].',
  ].join('\n');
  const line = text.split('\n')[4]!;
  assert.deepEqual(firstPlaceholder(text), { line: 4, character: line.indexOf('[Owner Name]'), length: '[Owner Name]'.length });
});

void test('finds placeholders inside fences and bare dates', () => {
  assert.deepEqual(firstPlaceholder('```\n[ASCII diagram or link to diagram]\n```'), { line: 1, character: 0, length: 34 });
  assert.deepEqual(firstPlaceholder('**Last Updated**: YYYY-MM-DD'), { line: 0, character: 18, length: 10 });
  assert.equal(firstPlaceholder('# Done\n\nNothing left.'), undefined);
});

void test('counts placeholder columns in UTF-16 units after astral characters', () => {
  assert.deepEqual(firstPlaceholder('🚀 [Name]'), { line: 0, character: 3, length: 6 });
});

void test('blanks inline code spans of any backtick count, keeping columns', () => {
  assert.equal(blankInlineCode('a `[X]` b'), 'a       b');
  assert.equal(blankInlineCode('a ``x ` [Y]`` b'), 'a             b');
  assert.equal(blankInlineCode('unmatched ` [Z]'), 'unmatched ` [Z]');
});
