/** The repository rules over inline documents and the rule pages' example repository. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { REPOSITORY_CODES, type DiagnosticCode, type DriftFacts } from '../../../server/src/core/index.ts';
import { bundledSchema, diagnose, engine, pairs } from '../../helpers/core.ts';
import { exampleFacts } from '../../helpers/repos.ts';

const repository = (text: string, facts: DriftFacts = exampleFacts(), settings = {}): Diagnostic[] =>
  diagnose(text, bundledSchema(), settings, facts).filter((d) => REPOSITORY_CODES.has(d.code as DiagnosticCode));

const TREE = ['# Example', '', '## Design Patterns', '', '### Code Organization', '', '```', 'src/', '├── api/     # Routes', '└── old/     # Gone', '```', ''];

function withStatus(status: string | undefined): string {
  return [...TREE, ...(status ? [`**Status**: ${status}`] : [])].join('\n');
}

test("a repository finding's severity follows the Status unless a setting names one", () => {
  const severities = (status: string | undefined, settings = {}): number[] => repository(withStatus(status), exampleFacts(), settings).map((d) => d.severity ?? 0);
  assert.deepEqual(severities('Draft'), [3, 3], 'Draft: information (stale old/, undocumented db/)');
  assert.deepEqual(severities('Active'), [2, 2]);
  assert.deepEqual(severities(undefined), [2, 2], 'no Status: warning');
  assert.deepEqual(severities('Deprecated'), [], 'Deprecated: off');
  assert.deepEqual(severities('Deprecated', { severity: { 'stale-path': 'error' } }), [1], 'the setting wins');
});

test('without repository facts, the repository rules do not run', () => {
  assert.deepEqual(diagnose(withStatus('Active')).filter((d) => REPOSITORY_CODES.has(d.code as DiagnosticCode)), []);
});

test('a fresh scaffold gets no repository finding', () => {
  const text = engine.render(bundledSchema(), { name: 'Example', date: '2026-03-01', status: 'Draft' });
  assert.deepEqual(pairs(repository(text)), []);
});

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///a.md', 'markdown', 1, text), [...edits]);
}

function quickFixes(text: string, d: Diagnostic): CodeAction[] {
  const analysis = engine.analyze(text, bundledSchema());
  return engine.codeActions(analysis, repository(text), d.range, { uri: 'file:///a.md', today: '2026-03-02', only: ['quickfix'] }).filter((a) => a.diagnostics?.some((x) => x.code === d.code && x.message === d.message));
}

const DRIFTED = [
  ...TREE,
  '## Infrastructure',
  '',
  '### Environment Variables',
  '',
  '| Variable | Purpose | Example | Required |',
  '|----------|---------|---------|----------|',
  '| REDIS_URL | Cache | `redis://x` | No |',
  '',
  '## Technology Stack',
  '',
  '### Languages and Frameworks',
  '',
  '- **TypeScript**: 5.9, strict',
  '- **Framework**: React 17.0',
  '- **Database**: PostgreSQL 16',
  '',
  '---',
  '',
  '**Last Updated**: 2026-01-10',
  '**Status**: Active',
].join('\n');

test('each fixable finding has a quick fix that removes it and brings no new repository finding; fix-all takes none', () => {
  const before = repository(DRIFTED);
  assert.deepEqual(
    before.map((d) => String(d.code)).sort(),
    ['stale-date', 'stale-path', 'undocumented-env', 'undocumented-env', 'undocumented-path', 'unused-env', 'version-mismatch'],
  );
  for (const d of before) {
    const [fix] = quickFixes(DRIFTED, d);
    assert.ok(fix, `${String(d.code)} has a quick fix`);
    const edits = Object.values(fix.edit?.changes ?? {}).flat();
    const after = repository(apply(DRIFTED, edits));
    assert.ok(!after.some((x) => x.code === d.code && x.message === d.message), `${String(d.code)}: ${d.message} is gone`);
    assert.ok(after.length === before.length - 1, `${String(d.code)}: nothing new (${after.map((x) => x.message).join('; ')})`);
  }
  const all = engine.codeActions(engine.analyze(DRIFTED, bundledSchema()), before, before[0].range, { uri: 'file:///a.md', today: '2026-03-02', only: ['source.fixAll.archdoc'] });
  assert.deepEqual(all, []);
});

test('tree fixes keep the glyph style: the entry before a removed last one closes the level, a new one gets ├──', () => {
  const stale = repository(DRIFTED).find((d) => d.code === 'stale-path') as Diagnostic;
  const removed = apply(DRIFTED, Object.values(quickFixes(DRIFTED, stale)[0].edit?.changes ?? {}).flat());
  assert.match(removed, /```\nsrc\/\n└── api\/ {5}# Routes\n```/);
  const missing = repository(DRIFTED).find((d) => d.code === 'undocumented-path') as Diagnostic;
  const added = apply(DRIFTED, Object.values(quickFixes(DRIFTED, missing)[0].edit?.changes ?? {}).flat());
  assert.match(added, /├── api\/ {5}# Routes\n├── db\/\n└── old\//);
});

test('versions compare semver-aware; names no manifest declares are not checked; the fix keeps the precision', () => {
  const found = repository(DRIFTED).filter((d) => d.code === 'version-mismatch');
  assert.equal(found.length, 1, 'React 17.0 only: TypeScript is not declared here, PostgreSQL is no package');
  const [fix] = quickFixes(DRIFTED, found[0]);
  assert.match(fix.title, /18\.2/);
  const facts = exampleFacts();
  const withTs = { ...facts, repository: { ...facts.repository, dependencies: new Map([...facts.repository.dependencies, ['typescript', [{ name: 'typescript', ecosystem: 'npm' as const, range: '^5.9.3', dev: true, manifest: 'package.json' }]]]) } };
  assert.equal(repository(DRIFTED, withTs).filter((d) => d.code === 'version-mismatch').length, 1, '"5.9" agrees with ^5.9.3');
  const wrongTs = { ...facts, repository: { ...facts.repository, dependencies: new Map([...facts.repository.dependencies, ['typescript', [{ name: 'typescript', ecosystem: 'npm' as const, range: '^5.4.0', locked: '5.4.5', dev: true, manifest: 'package.json' }]]]) } };
  assert.equal(repository(DRIFTED, wrongTs).filter((d) => d.code === 'version-mismatch').length, 2, '"5.9" disagrees with 5.4.5 locked');
});

test('stale-date offers today when the document has uncommitted changes', () => {
  const facts = exampleFacts();
  const dirty = { ...facts, document: { ...facts.document, uncommitted: true } };
  const d = repository(DRIFTED, dirty).find((x) => x.code === 'stale-date') as Diagnostic;
  const analysis = engine.analyze(DRIFTED, bundledSchema());
  const [fix] = engine.codeActions(analysis, [d], d.range, { uri: 'file:///a.md', today: '2026-03-02', only: ['quickfix'] });
  assert.match(fix.title, /2026-03-02 \(today/);
});

const ENV_BLOCK = [
  '# Example',
  '',
  '## Infrastructure',
  '',
  '### Environment Variables',
  '',
  '```env',
  'PORT=3000',
  'REDIS_URL=redis://localhost',
  '```',
  '',
].join('\n');

test('an Environment Variables code block of NAME=value lines is the list: its fixes add and remove lines in its style', () => {
  const before = repository(ENV_BLOCK);
  assert.deepEqual(pairs(before), ['7:undocumented-env', '9:unused-env']);
  const missing = before.find((d) => d.code === 'undocumented-env') as Diagnostic;
  assert.match(String(missing.message), /SENTRY_DSN .* not in the Environment Variables list/);
  const added = apply(ENV_BLOCK, Object.values(quickFixes(ENV_BLOCK, missing)[0].edit?.changes ?? {}).flat());
  assert.match(added, /REDIS_URL=redis:\/\/localhost\nSENTRY_DSN=\n```/);
  const unused = before.find((d) => d.code === 'unused-env') as Diagnostic;
  const removed = apply(ENV_BLOCK, Object.values(quickFixes(ENV_BLOCK, unused)[0].edit?.changes ?? {}).flat());
  assert.match(removed, /```env\nPORT=3000\n```/);
  assert.deepEqual(pairs(repository(added)), ['9:unused-env']);
});

test('a list of several blocks is read whole; a missing variable gets no fix, as which block it belongs to is the author\'s call', () => {
  const split = ENV_BLOCK.replace('REDIS_URL=redis://localhost\n```', '```\n\n**Web:**\n\n```bash\nexport REDIS_URL=redis://localhost\n```');
  const found = repository(split);
  assert.deepEqual(found.map((d) => String(d.code)).sort(), ['undocumented-env', 'unused-env']);
  const titles = (code: string): string[] => quickFixes(split, found.find((d) => d.code === code) as Diagnostic).map((f) => f.title).filter((t) => !t.startsWith('Disable'));
  assert.deepEqual(titles('undocumented-env'), []);
  assert.deepEqual(titles('unused-env'), ['Remove REDIS_URL from Environment Variables']);
});

test('a shell script in the section is not the list, nor a block with one assignment among commands', () => {
  const script = ENV_BLOCK.replace('PORT=3000\nREDIS_URL=redis://localhost', 'npm ci\nPORT=3000 npm start\nnpm test');
  assert.deepEqual(pairs(repository(script)), []);
});
