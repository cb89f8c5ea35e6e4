import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { archdocCodes, extensionUnderTest, openFixture, revertActiveEditor, waitForDiagnostics } from './helpers';

/** Process ids of the language servers started from the extension under test. */
function serverPids(): number[] {
  const extensionPath = extensionUnderTest().extensionPath;
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(extensionPath) && line.includes('server.js'))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid);
}

describe('a crashed language server', () => {
  afterEach(revertActiveEditor);

  it('is restarted by the client and checks the open document again', async () => {
    const editor = await openFixture('ARCHITECTURE.md');
    const { document } = editor;
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).includes('placeholder'), 'diagnostics before the crash');
    const before = serverPids();
    assert.equal(before.length, 1, `one ArchDoc server runs (${before.join(', ')})`);
    process.kill(before[0], 'SIGKILL');

    // Written while the server is down: only a restarted server that was given the open
    // document again can report it.
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\nOwner: [TBD]\n'));
    const line = document.getText().split('\n').findIndex((text) => text.includes('Owner: [TBD]'));
    assert.ok(line > 0);
    await waitForDiagnostics(
      document.uri,
      (found) => found.some((d) => d.source === 'archdoc' && d.range.start.line === line),
      'the placeholder written after the crash',
      45_000,
    );
    const after = serverPids();
    assert.equal(after.length, 1);
    assert.notEqual(after[0], before[0], 'a new server process');
  });
});
