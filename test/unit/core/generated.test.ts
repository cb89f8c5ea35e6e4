/**
 * Rules describe themselves, and what is made from their descriptions stays true: the generated
 * files match `npm run generate`, every code has a page whose bad example really reports it, and
 * the metadata agrees with what the engine does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SEVERITY, DIAGNOSTIC_CODES, RULE_INFO, type Analysis } from '../../../server/src/core/index.ts';
import { artifacts, docsBase, PAGE_SECTIONS, ROOT } from '../../../scripts/generate.ts';
import { bundledSchema, diagnose, engine } from '../../helpers/core.ts';
import { exampleFacts } from '../../helpers/repos.ts';

/** The quick fixes offered for `target`. */
function quickFixesFor(analysis: Analysis, diagnostics: readonly Diagnostic[], target: Diagnostic): CodeAction[] {
  return engine
    .codeActions(analysis, diagnostics, target.range, { uri: 'file:///w/ARCHITECTURE.md', today: '2026-01-01', only: ['quickfix'] })
    .filter((a) => a.diagnostics?.some((d) => d.code === target.code));
}

test('every generated file is up to date (run `npm run generate` when this fails)', () => {
  for (const { file, text } of artifacts()) {
    const full = path.join(ROOT, file);
    assert.ok(existsSync(full), `${file} does not exist yet`);
    assert.equal(readFileSync(full, 'utf8'), text, `${file} is stale`);
  }
});

test('the code list is the rules, once each, and every default severity is the rule\'s', () => {
  assert.deepEqual([...DIAGNOSTIC_CODES], RULE_INFO.map((r) => r.code));
  for (const r of RULE_INFO) assert.equal(DEFAULT_SEVERITY[r.code], r.severity, r.code);
  for (const r of RULE_INFO) assert.ok(r.description.length > 20 && r.description.endsWith('.'), `${r.code} has a one-sentence description`);
});

test('the rule pages link from the repository named in package.json', () => {
  assert.equal(docsBase({ repository: { url: 'https://github.com/acme/archdoc.git' } }), 'https://github.com/acme/archdoc/blob/main/docs/rules/');
  assert.equal(docsBase({ repository: 'git+https://git.example.org/acme/archdoc/' }), 'https://git.example.org/acme/archdoc/blob/main/docs/rules/');
  assert.throws(() => docsBase({}), /no repository URL/);
});

/** The text under `## title`, up to the next `## ` heading outside a code block. */
function section(page: string, title: string): string {
  const lines = page.split('\n');
  const out: string[] = [];
  let inside = false;
  let fenced = false;
  for (const line of lines) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) {
      inside = line === `## ${title}`;
      continue;
    }
    if (inside) out.push(line);
  }
  return out.join('\n').trim();
}

test('every code has a page with what it checks, a bad example, the fix and how to silence it; no page names an unknown code', () => {
  const pages = readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  assert.deepEqual(pages.sort(), RULE_INFO.map((r) => `${r.code}.md`).sort());
  for (const r of RULE_INFO) {
    const page = readFileSync(path.join(ROOT, 'docs', 'rules', `${r.code}.md`), 'utf8');
    for (const title of PAGE_SECTIONS) assert.ok(section(page, title).length > 30, `docs/rules/${r.code}.md: "## ${title}" is written`);
  }
});

function badExample(code: string): string {
  const page = readFileSync(path.join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8');
  const match = /```markdown\n([\s\S]*?)```/.exec(section(page, 'Bad example'));
  assert.ok(match, `docs/rules/${code}.md's bad example is a markdown block`);
  return match[1];
}

test("each page's bad example reports its code against the bundled template", () => {
  for (const r of RULE_INFO) {
    if (r.code === 'template-error') {
      assert.ok(engine.compileTemplate(badExample(r.code)).error, 'the bad template is refused');
      continue;
    }
    // Codes that are off by default are turned on, as the page tells the reader to.
    // Repository checks read the pages' example repository.
    const found = diagnose(badExample(r.code), bundledSchema(), { severity: { [r.code]: 'warning' } }, r.repository ? exampleFacts() : undefined).map((d) => d.code);
    assert.ok(found.includes(r.code), `docs/rules/${r.code}.md's bad example reports ${r.code} (got ${found.join(', ')})`);
  }
});

test('a rule is marked fixable exactly when its bad example gets a quick fix for one of its findings', () => {
  for (const r of RULE_INFO) {
    if (r.code === 'template-error') continue;
    const text = badExample(r.code);
    const analysis = engine.analyze(text, bundledSchema());
    const diagnostics = diagnose(text, bundledSchema(), { severity: { [r.code]: 'warning' } }, r.repository ? exampleFacts() : undefined);
    const targets = diagnostics.filter((d) => d.code === r.code);
    const fixes = targets.flatMap((target) => quickFixesFor(analysis, diagnostics, target));
    assert.equal(fixes.length > 0, r.fixable, `${r.code}: fixable is ${r.fixable}, quick fixes offered: ${fixes.length}`);
  }
});

test('diagnostics link to their rule page', () => {
  const [d] = diagnose('# Architecture\n\n<!-- archdoc-disable-file missing-section -->\n**Status**: Done\n');
  assert.equal(d.code, 'invalid-value');
  assert.ok(d.codeDescription?.href.endsWith('/docs/rules/invalid-value.md'), d.codeDescription?.href);
  assert.ok(d.codeDescription?.href.startsWith(docsBase(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } })));
});
