/**
 * New Architecture Doc with no folder open. This file runs in its own pass (see run.ts), in an
 * empty window; the runner answers Save As by keeping the file name VS Code proposes and
 * saving it under ARCHDOC_TEST_SAVE_DIR.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { archdocCodes, waitForDiagnostics } from './helpers';

interface NewDocumentResult {
  readonly status: string;
  readonly uri?: string;
  readonly message?: string;
}

describe('New Architecture Doc with no folder open', () => {
  it('opens an untitled scaffold that is checked, and Save As proposes ARCHITECTURE.md, which stays checked', async () => {
    assert.equal(vscode.workspace.workspaceFolders, undefined, 'an empty window');
    const result = await vscode.commands.executeCommand<NewDocumentResult>('archdoc.newDocument', { name: 'Orbit' });
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
});
