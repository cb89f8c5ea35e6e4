/**
 * New Architecture Doc with no folder open. This file runs in its own pass (see run.ts), in an
 * empty window with a home folder of its own (HOME); the runner answers Save As by keeping the
 * file name VS Code proposes and saving it under ARCHDOC_TEST_SAVE_DIR.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { archdocCodes, waitForDiagnostics } from './helpers';

interface NewDocumentResult {
  readonly status: string;
  readonly uri?: string;
  readonly message?: string;
}

function newDocument(): Thenable<NewDocumentResult> {
  return vscode.commands.executeCommand<NewDocumentResult>('archdoc.newDocument', { name: 'Orbit' });
}

describe('New Architecture Doc with no folder open', () => {
  afterEach(async () => {
    // An untitled scaffold left unsaved would make Close All ask; it is reverted and closed first.
    for (let i = 0; i < 5 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens an untitled scaffold that is checked, and Save As proposes ARCHITECTURE.md, which stays checked', async () => {
    assert.equal(vscode.workspace.workspaceFolders, undefined, 'an empty window');
    const result = await newDocument();
    assert.equal(result.status, 'untitled', result.message);
    const untitled = vscode.Uri.parse(result.uri ?? '');
    assert.equal(untitled.scheme, 'untitled');
    await waitForDiagnostics(untitled, (found) => archdocCodes(found).includes('placeholder'), 'diagnostics on the untitled scaffold');
    const saved = await vscode.workspace.saveAs(untitled);
    assert.ok(saved, 'saved');
    assert.equal(path.basename(saved.fsPath), 'ARCHITECTURE.md', `Save As proposed ${path.basename(saved.fsPath)}`);
    assert.equal(path.dirname(saved.fsPath), process.env.ARCHDOC_TEST_SAVE_DIR);
    await waitForDiagnostics(saved, (found) => archdocCodes(found).includes('placeholder'), 'diagnostics on the saved document');
  });

  it('saves the untitled scaffold as ARCHITECTURE.md in the home folder, and never names a file that exists', async () => {
    const home = os.homedir();
    const result = await newDocument();
    assert.equal(result.status, 'untitled', result.message);
    const untitled = vscode.Uri.parse(result.uri ?? '');
    const saved = await vscode.workspace.save(untitled);
    assert.equal(saved?.fsPath, path.join(home, 'ARCHITECTURE.md'), 'Save writes where the name says, without asking');
    await waitForDiagnostics(saved!, (found) => archdocCodes(found).includes('placeholder'), 'diagnostics on the saved document');
    // That name is taken now: the next scaffold takes the next one, marked, since the name alone is not recognised.
    const next = await newDocument();
    assert.equal(vscode.Uri.parse(next.uri ?? '').path, vscode.Uri.file(path.join(home, 'ARCHITECTURE-2.md')).path);
    assert.ok(vscode.window.activeTextEditor?.document.getText().startsWith('<!-- archdoc -->'), 'marked');
  });
});
