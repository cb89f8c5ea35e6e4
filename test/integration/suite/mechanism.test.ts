/**
 * Checks the harness itself: that the suite runs in a real VS Code extension host, on the
 * fixture workspace, next to the extension under test. Runs for any extension, so the
 * mechanism is proven even when only a stand-in extension is installed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionUnderTest, fixtureUri } from './helpers';

describe('the integration harness', () => {
  it('runs inside a real VS Code extension host', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    assert.ok(vscode.env.appName.length > 0);
  });

  it('opens the fixture workspace', async () => {
    const stat = await vscode.workspace.fs.stat(fixtureUri('ARCHITECTURE.md'));
    assert.equal(stat.type, vscode.FileType.File);
  });

  it('has the extension under test installed and able to activate', async () => {
    const extension = extensionUnderTest();
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
