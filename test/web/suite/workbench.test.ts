import { assert } from 'chai';
import * as vscode from 'vscode';

describe('VS Code for the Web', () => {
  it('runs the suite in the web extension host with the mounted folder as the workspace', () => {
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    assert.strictEqual(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'vscode-test-web');
  });
});
