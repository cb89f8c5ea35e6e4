import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { archdocCodes, fixtureUri, localIsoDate, pressEnterUntilDone, waitForDiagnostics, workspaceRoot } from './helpers';

interface NewDocumentResult {
  readonly status: string;
  readonly uri?: string;
  readonly message?: string;
}

function newDocument(args: Record<string, unknown>): Thenable<NewDocumentResult> {
  return vscode.commands.executeCommand<NewDocumentResult>('archdoc.newDocument', { folder: workspaceRoot(), ...args });
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('ArchDoc: New Architecture Doc', () => {
  const name = 'Billing "Core" [v2] $HOME/ünïcode';

  it('creates the document from the template with the name, today and Draft filled in, and opens it', async () => {
    const result = await newDocument({ name, target: 'scaffold/ARCHITECTURE.md' });
    assert.equal(result.status, 'created', result.message);
    const uri = fixtureUri('scaffold', 'ARCHITECTURE.md');
    assert.equal(result.uri, uri.toString());
    const text = await read(uri);
    assert.ok(text.includes(name), 'the name is written verbatim');
    assert.ok(!text.includes('[Project Name]'), 'no [Project Name] placeholder is left');
    assert.ok(text.includes(localIsoDate()), "today's date is filled in");
    assert.match(text, /Draft/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('never overwrites an existing document', async () => {
    const uri = fixtureUri('scaffold', 'KEEP.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Mine\n'));
    const result = await newDocument({ name: 'Other', target: 'scaffold/KEEP.md' });
    assert.equal(result.status, 'exists');
    assert.equal(await read(uri), '# Mine\n');
  });

  it('offers, on Choose Another Name, a name that stays an architecture document', async () => {
    // No project name is given, so the command asks as it asks a user: Enter keeps the prefilled
    // name, the runner answers "ARCHITECTURE.md already exists" with Choose Another Name, and
    // Enter accepts the name it then suggests.
    const running = vscode.commands.executeCommand<NewDocumentResult>('archdoc.newDocument', { folder: workspaceRoot(), target: 'ARCHITECTURE.md' });
    const result = await pressEnterUntilDone(running, 20_000);
    assert.equal(result.status, 'created', result.message);
    const uri = vscode.Uri.parse(result.uri ?? '');
    try {
      const relative = uri.path.slice(workspaceRoot().path.length + 1);
      assert.match(relative, /^docs\/(architecture\/)?ARCHITECTURE(-\d+)?\.md$/, `suggested ${relative}`);
      assert.ok(!(await read(uri)).includes('<!-- archdoc -->'), 'recognised by its name, with no marker needed');
      await waitForDiagnostics(uri, (found) => archdocCodes(found).includes('placeholder'), `diagnostics on ${relative}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // Other tests create docs/ARCHITECTURE.md themselves.
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('refuses a target outside the workspace folder', async () => {
    const result = await newDocument({ name: 'Escape', target: '../ESCAPED.md' });
    assert.equal(result.status, 'invalid');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(workspaceRoot(), '..', 'ESCAPED.md'))));
  });
});
