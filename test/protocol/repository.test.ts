/**
 * The repository checks through the real server: facts gathered on open reach the pushed
 * diagnostics, a keystroke is re-checked against the cached facts, a watched file change
 * updates them, and their quick fixes are offered but never applied by fix-all.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DidChangeWatchedFilesNotification, FileChangeType, type CodeAction, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { pairs } from '../helpers/core.ts';
import { prepareRepo, readDoc, type PreparedRepo } from '../helpers/repos.ts';
import { Client, OpenDocument } from './harness.ts';

const REPOSITORY = new Set(['stale-path', 'undocumented-path', 'undocumented-env', 'unused-env', 'unknown-dependency', 'version-mismatch', 'stale-date', 'broken-link']);

function repositoryPairs(params: PublishDiagnosticsParams): string[] {
  return pairs(params.diagnostics.filter((d) => REPOSITORY.has(String(d.code))));
}

describe('repository checks over the protocol', () => {
  let repo: PreparedRepo;
  let client: Client;
  let uri: string;
  before(async () => {
    repo = prepareRepo('node-api');
    uri = pathToFileURL(repo.doc).href;
    client = await Client.start({ folder: repo.root, settings: () => ({}) });
  });
  after(async () => {
    await client.stop();
  });

  const published = (test: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> =>
    client.waitFor(what, () => client.published.some((p) => p.uri === uri && test(p)), 15_000).then(() => [...client.published].reverse().find((p) => p.uri === uri && test(p)) as PublishDiagnosticsParams);

  it('publishes the findings the fixture expects once the facts gathered on open arrive', async () => {
    await OpenDocument.open(client, uri, readDoc(repo));
    const withFacts = await published((p) => repositoryPairs(p).length > 0, 'repository findings');
    assert.deepEqual(repositoryPairs(withFacts), repo.expected);
  });

  it('re-checks a keystroke against the cached facts, and offers quick fixes that fix-all leaves alone', async () => {
    const doc = new OpenDocument(client, uri, readDoc(repo));
    // The server's copy is version 1; an edit that removes the stale `handlers/` entry.
    const at = doc.text.split('\n').findIndex((l) => l.includes('handlers/'));
    const version = await doc.edit([{ range: { start: { line: at, character: 0 }, end: { line: at + 1, character: 0 } }, text: '' }]);
    const after = await published((p) => (p.version ?? 0) >= version, `diagnostics of v${version}`);
    const codes = repositoryPairs(after);
    assert.ok(!codes.includes(`${at + 1}:stale-path`), `the removed entry is no longer reported: ${codes.join(', ')}`);
    assert.ok(codes.some((c) => c.endsWith(':stale-date')), 'the other findings stay, from the cached facts');

    const stale = after.diagnostics.find((d) => d.code === 'unused-env');
    assert.ok(stale);
    const quick = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: stale.range,
      context: { diagnostics: [stale], only: ['quickfix'] },
    })) as CodeAction[];
    assert.ok(quick.some((a) => /Remove REDIS_URL from Environment Variables/.test(a.title)), quick.map((a) => a.title).join(' | '));
    const all = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: after.diagnostics, only: ['source.fixAll.archdoc'] },
    })) as CodeAction[];
    const fixed = all.flatMap((a) => a.diagnostics ?? []).map((d) => String(d.code));
    assert.ok(!fixed.some((c) => REPOSITORY.has(c)), `fix-all addresses no repository finding: ${fixed.join(', ')}`);
  });

  it('takes a file created on disk into account when the client reports it', async () => {
    mkdirSync(path.join(repo.root, 'docs'), { recursive: true });
    writeFileSync(path.join(repo.root, 'docs', 'setup.md'), '# Setup\n');
    const count = client.published.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(path.join(repo.root, 'docs', 'setup.md')).href, type: FileChangeType.Created }],
    });
    await client.waitFor('a new publication', () => client.published.slice(count).some((p) => p.uri === uri), 15_000);
    const latest = [...client.published].reverse().find((p) => p.uri === uri) as PublishDiagnosticsParams;
    const links = latest.diagnostics.filter((d) => d.code === 'broken-link').map((d) => String(d.message));
    assert.ok(!links.some((m) => m.startsWith('docs/setup.md')), `the link to the new file is no longer broken: ${links.join('; ')}`);
    assert.ok(links.some((m) => m.startsWith('src/models/user.ts')), 'the other broken path is still reported');
  });
});

describe('repository checks in a restricted workspace', () => {
  let repo: PreparedRepo;
  let client: Client;
  before(async () => {
    repo = prepareRepo('rust-cli');
    client = await Client.start({ folder: repo.root, settings: () => ({}), initializationOptions: { trusted: false } });
  });
  after(async () => {
    await client.stop();
  });

  it('reads the workspace but runs no git: stale-date is skipped and the log says why once', async () => {
    const uri = pathToFileURL(repo.doc).href;
    await OpenDocument.open(client, uri, readDoc(repo));
    await client.waitFor('repository findings', () => client.published.some((p) => p.uri === uri && repositoryPairs(p).length > 0), 15_000);
    const latest = [...client.published].reverse().find((p) => p.uri === uri) as PublishDiagnosticsParams;
    assert.deepEqual(repositoryPairs(latest), repo.expected.filter((p) => !p.endsWith(':stale-date')));
    const said = client.logs.filter((l) => l.includes('stale-date is skipped'));
    assert.equal(said.length, 1, client.logs.join('\n'));
    assert.match(said[0], /restricted workspace/);
  });
});

describe('the repository root the server uses, by the policy', () => {
  /** A repository (its config file at the top) with the workspace folder opened one level down, in app/. */
  function nested(): { folder: string; uri: string; text: string } {
    const top = path.join(mkdtempSync(path.join(tmpdir(), 'archdoc-root-')), 'outer');
    mkdirSync(path.join(top, 'lib'), { recursive: true });
    mkdirSync(path.join(top, 'app'), { recursive: true });
    writeFileSync(path.join(top, '.archdoc.jsonc'), '{}\n');
    writeFileSync(path.join(top, 'lib', 'index.ts'), 'export const lib = 1;\n');
    const text = '# Outer Architecture\n\n## Design Patterns\n\n### Code Organization\n\n```\nlib/\napp/\n```\n';
    writeFileSync(path.join(top, 'app', 'ARCHITECTURE.md'), text);
    return { folder: path.join(top, 'app'), uri: pathToFileURL(path.join(top, 'app', 'ARCHITECTURE.md')).href, text };
  }

  async function stalePaths(trusted: boolean): Promise<string[]> {
    const { folder, uri, text } = nested();
    const client = await Client.start({ folder, settings: () => ({}), initializationOptions: { trusted } });
    try {
      await OpenDocument.open(client, uri, text);
      // The facts arrive after the first check; the published run after them holds the repository findings, if any.
      await client.waitFor('a check with the repository facts', () => client.logs.some((l) => l.includes('unknown-dependency and version-mismatch are skipped')), 15_000);
      await client.waitFor('the re-check', () => client.published.filter((p) => p.uri === uri).length >= 2, 15_000);
      const latest = [...client.published].reverse().find((p) => p.uri === uri) as PublishDiagnosticsParams;
      return latest.diagnostics.filter((d) => d.code === 'stale-path').map((d) => String(d.message));
    } finally {
      await client.stop();
    }
  }

  it('trusted: the folder holding the config file above the workspace folder, where the tree is true', async () => {
    assert.deepEqual(await stalePaths(true), []);
  });

  it('restricted: never above the workspace folder, so the same tree names folders that are not there', async () => {
    assert.deepEqual((await stalePaths(false)).sort(), ['app/ does not exist in the repository', 'lib/ does not exist in the repository']);
  });
});
