import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { loadTemplateFolder, Policy, TemplateRegistry, type Decision, type PolicyDocument } from '../../../server/src/policy/index.ts';
import { NodeWorkspace, pathToUri } from '../../../server/src/node/workspace.ts';
import { engine, ROOT } from '../../helpers/core.ts';
import { MemoryWorkspace } from '../../helpers/memoryWorkspace.ts';

const WS = 'file:///ws';
const SEED = readFileSync(path.join(ROOT, 'server', 'templates', 'ARCHITECTURE.md'), 'utf8');
const SEED_SIDECAR = JSON.parse(readFileSync(path.join(ROOT, 'server', 'templates', 'ARCHITECTURE.json'), 'utf8')) as Record<string, unknown>;
const TEAM = '# Team\n\n## Purpose\n\nWhy.\n';

function policyFor(
  files: Record<string, string>,
  settings: unknown = {},
  options: { trusted?: boolean; home?: string; ignoredTemplates?: Record<string, string>; ignoredTemplateGlobs?: Record<string, string[]> } = {},
) {
  const workspace = new MemoryWorkspace(files, options.home ?? 'file:///home/me');
  const registry = new TemplateRegistry([{ id: 'architecture', text: SEED, sidecar: SEED_SIDECAR }]);
  const policy = new Policy({
    workspace,
    registry,
    engine,
    trusted: options.trusted ?? true,
    folders: () => [WS],
    clientSettings: () => Promise.resolve(settings),
    ...(options.ignoredTemplates ? { ignoredTemplates: options.ignoredTemplates } : {}),
    ...(options.ignoredTemplateGlobs ? { ignoredTemplateGlobs: options.ignoredTemplateGlobs } : {}),
  });
  return { policy, workspace };
}

function doc(uri: string, text = '# Architecture\n', extra: Partial<PolicyDocument> = {}): PolicyDocument {
  return { uri, bytes: new TextEncoder().encode(text).length, text: () => text, ...extra };
}

/** A document whose text must not be read. */
function unread(uri: string, bytes: number): PolicyDocument {
  return { uri, bytes, text: () => assert.fail(`${uri} was read`) };
}

function checked(decision: Decision): Extract<Decision, { kind: 'checked' }> {
  assert.equal(decision.kind, 'checked', JSON.stringify(decision));
  return decision as Extract<Decision, { kind: 'checked' }>;
}

describe('the policy', () => {
  it('checks the default names against the default bundled template, and says why', async () => {
    const { policy } = policyFor({});
    for (const name of ['ARCHITECTURE.md', 'sub/architecture.md', 'docs/architecture/a/b.markdown']) {
      const d = checked(await policy.decide(doc(`${WS}/${name}`)));
      assert.equal(d.reason, 'name');
      assert.deepEqual(d.template, { kind: 'bundled', id: 'architecture' });
      assert.equal(d.templateSource, 'default');
    }
    assert.deepEqual(await policy.decide(doc(`${WS}/README.md`, '# Readme\n')), { kind: 'ignored', reason: 'not-selected' });
  });

  it('asks the cheap questions first: a file that is not markdown, or too large to be anything but named, is never read', async () => {
    const { policy } = policyFor({});
    assert.deepEqual(await policy.decide(unread(`${WS}/ARCHITECTURE.txt`, 10)), { kind: 'ignored', reason: 'not-markdown' });
    assert.deepEqual(await policy.decide(unread(`${WS}/notes.md`, 6_000_000)), { kind: 'ignored', reason: 'not-selected' });
    const large = await policy.decide(unread(`${WS}/ARCHITECTURE.md`, 6_000_000));
    assert.equal(large.kind, 'too-large');
  });

  it('honours opt-in and opt-out markers and a per-file template relative to the document', async () => {
    const { policy } = policyFor({});
    assert.equal(checked(await policy.decide(doc(`${WS}/notes.md`, '<!-- archdoc -->\n# Notes\n'))).reason, 'marker');
    assert.deepEqual(await policy.decide(doc(`${WS}/ARCHITECTURE.md`, '---\narchdoc: false\n---\n# X\n')), { kind: 'ignored', reason: 'opted-out' });
    const d = checked(await policy.decide(doc(`${WS}/docs/a/ARCHITECTURE.md`, '---\narchdoc-template: ../t.md\n---\n# X\n')));
    assert.deepEqual(d.template, { kind: 'file', uri: `${WS}/docs/t.md` });
    assert.equal(d.templateSource, 'marker');
  });

  it('uses the nearest config file, with paths and globs relative to it, over the editor settings', async () => {
    const { policy } = policyFor(
      {
        [`${WS}/.archdoc.jsonc`]: '{ // the project\n "template": "templates/service.md", "severity": { "template-text": "off" } }',
        [`${WS}/svc/.archdoc.json`]: '{ "templates": { "adr/*.md": "../templates/adr.md" }, "files": ["design/*.md"] }',
      },
      { template: 'mine.md', severity: { placeholder: 'hint', 'template-text': 'warning' } },
    );
    const root = checked(await policy.decide(doc(`${WS}/ARCHITECTURE.md`)));
    assert.deepEqual(root.template, { kind: 'file', uri: `${WS}/templates/service.md` });
    assert.deepEqual(root.settings.severity, { placeholder: 'hint', 'template-text': 'off' });
    assert.deepEqual([...root.settings.overridden].sort(), ['severity.template-text', 'template']);
    assert.equal(root.settings.config, `${WS}/.archdoc.jsonc`);
    // The nearer file replaces the root one entirely: its template key is unset, so the editor's applies.
    const adr = checked(await policy.decide(doc(`${WS}/svc/adr/0001.md`, '---\narchdoc: true\n---\n# ADR\n')));
    assert.deepEqual(adr.template, { kind: 'file', uri: `${WS}/templates/adr.md` });
    assert.equal(adr.templateSource, 'templates');
    assert.equal(checked(await policy.decide(doc(`${WS}/svc/design/api.md`, '# API\n'))).reason, 'files');
    assert.equal((await policy.decide(doc(`${WS}/design/api.md`, '# API\n'))).kind, 'ignored');
  });

  it('never looks above the workspace folder for a config file', async () => {
    const { policy } = policyFor({ 'file:///.archdoc.jsonc': '{ "template": "x.md" }' });
    assert.equal(checked(await policy.decide(doc(`${WS}/ARCHITECTURE.md`))).settings.config, undefined);
  });

  it('turns a broken config file into one error with its place, for the documents it would cover', async () => {
    const { policy } = policyFor({ [`${WS}/.archdoc.jsonc`]: '{\n  "template": "a.md",\n  "severty": {}\n}' });
    const d = await policy.decide(doc(`${WS}/ARCHITECTURE.md`));
    assert.equal(d.kind, 'config-error');
    if (d.kind !== 'config-error') return;
    assert.equal(d.error.line, 2);
    assert.match(d.error.message, /unknown key "severty"/);
    assert.deepEqual(await policy.decide(doc(`${WS}/README.md`, '# Readme\n')), { kind: 'ignored', reason: 'not-selected' });
  });

  it('resolves `~` once, the same way for the checker and the picker', async () => {
    const { policy } = policyFor({}, { template: '~/team/arch.md' });
    const d = checked(await policy.decide(doc(`${WS}/ARCHITECTURE.md`)));
    assert.deepEqual(d.template, { kind: 'file', uri: 'file:///home/me/team/arch.md' });
    const picker = await policy.templatesFor(`${WS}/ARCHITECTURE.md`);
    assert.deepEqual(picker.map((t) => t.template), [{ kind: 'bundled', id: 'architecture' }, d.template]);
    assert.equal(picker[0].status, 'Draft');
  });

  it('refuses a template outside the workspace folder in a restricted workspace, and reads one inside', async () => {
    const { policy } = policyFor({ [`${WS}/team.md`]: TEAM, 'file:///elsewhere/team.md': TEAM }, {}, { trusted: false });
    const outside = await policy.templates.load({ kind: 'file', uri: 'file:///elsewhere/team.md' }, WS);
    assert.equal(outside.ok, false);
    assert.match(outside.ok ? '' : outside.error, /outside the workspace folder/);
    assert.equal((await policy.templates.load({ kind: 'file', uri: `${WS}/team.md` }, WS)).ok, true);
  });

  it('decides that a template restricted mode ignores leaves the document unchecked, unless its marker or the config file names one', async () => {
    const ignoredTemplates = { [`${WS}/`]: 'team.md' };
    const files = { [`${WS}/team.md`]: TEAM };
    const restricted = policyFor(files, {}, { trusted: false, ignoredTemplates }).policy;
    const decision = await restricted.decide(doc(`${WS}/ARCHITECTURE.md`));
    assert.deepEqual(decision.kind === 'template-ignored' ? decision.template : decision, 'team.md');
    // The user's own archdoc.template is another schema than the workspace's too.
    assert.equal((await policyFor(files, { template: 'architecture' }, { trusted: false, ignoredTemplates }).policy.decide(doc(`${WS}/ARCHITECTURE.md`))).kind, 'template-ignored');
    const marked = checked(await restricted.decide(doc(`${WS}/ARCHITECTURE.md`, '<!-- archdoc-template: team.md -->\n# Team\n')));
    assert.equal(marked.templateSource, 'marker');
    const configured = policyFor({ ...files, [`${WS}/.archdoc.jsonc`]: '{ "template": "team.md" }' }, {}, { trusted: false, ignoredTemplates }).policy;
    assert.deepEqual(checked(await configured.decide(doc(`${WS}/ARCHITECTURE.md`))).template, { kind: 'file', uri: `${WS}/team.md` });
    // Set by archdoc.templates globs alone, it covers only the documents they match; the others follow the bundled template, trusted or not.
    const globbed = policyFor(files, {}, { trusted: false, ignoredTemplates, ignoredTemplateGlobs: { [WS]: ['services/**/*.md'] } }).policy;
    assert.equal((await globbed.decide(doc(`${WS}/services/billing/ARCHITECTURE.md`))).kind, 'template-ignored');
    assert.deepEqual(checked(await globbed.decide(doc(`${WS}/ARCHITECTURE.md`))).template, { kind: 'bundled', id: 'architecture' });
    // Trusted, the workspace's template reaches the server and nothing is ignored.
    assert.equal((await policyFor(files, {}, { trusted: true, ignoredTemplates }).policy.decide(doc(`${WS}/ARCHITECTURE.md`))).kind, 'checked');
  });
});

describe('the template registry', () => {
  it('serves the seed as the bundled template "architecture", byte for byte', async () => {
    const registry = new TemplateRegistry(await loadTemplateFolder(new NodeWorkspace(), pathToUri(path.join(ROOT, 'server', 'templates'))));
    assert.equal(registry.get('architecture')?.text, SEED);
    assert.equal(registry.defaultId, 'architecture');
  });

  it('takes a second bundled template from nothing but its two files, addressed by id everywhere', async () => {
    const folder = pathToUri(path.join(ROOT, 'test', 'fixtures', 'templates', 'extra'));
    const registry = new TemplateRegistry([{ id: 'architecture', text: SEED, sidecar: SEED_SIDECAR }, ...(await loadTemplateFolder(new NodeWorkspace(), folder))]);
    const workspace = new MemoryWorkspace({ [`${WS}/.archdoc.jsonc`]: '{ "templates": { "docs/adr/*.md": "adr" } }' });
    const policy = new Policy({ workspace, registry, engine, trusted: true, folders: () => [WS], clientSettings: () => Promise.resolve({}) });
    const d = checked(await policy.decide(doc(`${WS}/docs/adr/0001.md`, '<!-- archdoc -->\n# Use a queue\n')));
    assert.deepEqual(d.template, { kind: 'bundled', id: 'adr' });
    const loaded = await policy.templates.load(d.template, WS);
    assert.ok(loaded.ok);
    const text = engine.render(loaded.schema, { name: 'Use a queue', date: '2026-12-01' });
    assert.match(text, /^# Use a queue\n/);
    assert.match(text, /\*\*Status\*\*: Proposed/);
    const listed = await policy.templatesFor(`${WS}/docs/adr/0002.md`);
    assert.deepEqual(listed.map((t) => [t.label, t.status]), [['Architecture document', 'Draft'], ['Architecture decision record', 'Proposed']]);
  });
});
