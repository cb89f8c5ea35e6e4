/**
 * The scanner over the policy's file access, as the browser server runs it (the client's
 * workspace.fs): the same facts as on the disk, .gitignore and the config's ignore list
 * respected, links (reported as `other`) never entered, and a changed ignore list scanned again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileStat } from '../../../server/src/policy/index.ts';
import { workspaceFileAccess } from '../../../server/src/repo/fileAccess.ts';
import { RepositoryScan } from '../../../server/src/repo/scan.ts';
import { RepositoryFactsStore } from '../../../server/src/repo/store.ts';
import { MemoryWorkspace } from '../../helpers/memoryWorkspace.ts';

const ROOT = 'vscode-test-web://mount/repo';
/** Code reading `name`, in pieces so that this file does not read like such code. */
const js = (name: string): string => `${'process'}.env.${name};`;

function workspace(): MemoryWorkspace {
  return new MemoryWorkspace({
    [`${ROOT}/.gitignore`]: 'dist/\n',
    [`${ROOT}/package.json`]: '{ "dependencies": { "express": "^4.18.2" } }',
    [`${ROOT}/src/app.ts`]: js('PORT'),
    [`${ROOT}/generated/api.ts`]: js('GENERATED'),
    [`${ROOT}/dist/out.js`]: js('BUNDLED'),
    [`${ROOT}/docs/ARCHITECTURE.md`]: '# A\n',
  });
}

test('over the policy’s file access, the scan respects .gitignore and the config’s ignore list', async () => {
  const facts = (await RepositoryScan.scan(ROOT, workspaceFileAccess(workspace()), { ignore: ['generated/'] })).facts();
  assert.equal(facts.rootName, 'repo');
  assert.deepEqual([...facts.directories].sort(), ['docs', 'src']);
  assert.deepEqual([...facts.envReads.keys()], ['PORT']);
  assert.ok(facts.excluded.has('generated') && facts.excluded.has('dist'));
  assert.deepEqual([...facts.dependencies.keys()], ['express']);
});

test('an entry the client reports as other (a symbolic link) is known to exist and never entered', async () => {
  const ws = workspace();
  const listing = ws.readDirectory.bind(ws);
  ws.readDirectory = async (uri: string): Promise<ReadonlyArray<readonly [string, FileStat['kind']]>> => {
    const entries = await listing(uri);
    return uri === ROOT ? [...entries, ['loop', 'other'] as const] : entries;
  };
  const facts = (await RepositoryScan.scan(ROOT, workspaceFileAccess(ws))).facts();
  assert.ok(facts.excluded.has('loop'));
  assert.ok(!facts.directories.has('loop'));
});

test('the store scans a root again when its ignore list changes, and not otherwise', async () => {
  const store = new RepositoryFactsStore({ access: workspaceFileAccess(workspace()), gitUnavailable: 'git cannot run in the browser' });
  const doc = `${ROOT}/docs/ARCHITECTURE.md`;
  const first = await store.gather({ uri: ROOT, ignore: [] }, doc);
  assert.ok(first.repository.directories.has('generated'));
  assert.deepEqual(first.document, { path: 'docs/ARCHITECTURE.md', gitUnavailable: 'git cannot run in the browser' });
  assert.equal((await store.gather({ uri: ROOT, ignore: [] }, doc)).repository, first.repository);
  const second = await store.gather({ uri: ROOT, ignore: ['generated/'] }, doc);
  assert.ok(!second.repository.directories.has('generated') && second.repository.excluded.has('generated'));
});
