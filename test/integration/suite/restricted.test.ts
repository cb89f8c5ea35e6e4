/**
 * Restricted Mode with a template the workspace set. This file runs in its own pass (see
 * run.ts): a workbench that has not trusted `fixtures/restricted/`, whose
 * `.vscode/settings.json` sets `archdoc.template`, so VS Code hides that value from ArchDoc.
 * The workbench half of the check (the notice and the status item) is read from the page by
 * run.ts once this file has run, so the document is left open at the end.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { archdocCodes, extensionUnderTest, fixtureUri, openFixture, waitForDiagnostics } from './helpers';
import { waitForOutputLine } from './outputLog';

interface ViewItem {
  readonly label: string;
  readonly description: string;
  readonly state: string;
}

function viewItems(): Thenable<ViewItem[]> {
  return vscode.commands.executeCommand<ViewItem[]>('archdoc.view.items');
}

describe('restricted mode with a workspace template', () => {
  it('runs in a workspace that is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    // VS Code hides the workspace's value: the extension sees the default.
    assert.equal(vscode.workspace.getConfiguration('archdoc').get('template'), '');
  });

  it('says at start-up that the workspace is not trusted and its template is ignored', async () => {
    // ArchDoc activates with the first markdown document; none is open yet.
    await extensionUnderTest().activate();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? '';
    const lines = await waitForOutputLine(/ArchDoc language server .* started/, 'the start-up line');
    const line = lines.find((l) => / ArchDoc language server .* started/.test(l)) ?? '';
    assert.ok(line.includes(`workspace not trusted (Restricted Mode); templates: ${folder}: templates/service-note.md, ignored in Restricted Mode`), line);
  });

  it('checks a document whose own marker names the template inside the folder', async () => {
    const { document } = await openFixture('docs', 'ARCHITECTURE.md');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => archdocCodes(found).includes('missing-section'), 'the marked document checked');
    // Its template asks for Purpose and Risks only: the missing section is Risks, not one of the bundled template's.
    const missing = diagnostics.filter((d) => archdocCodes([d]).includes('missing-section'));
    assert.equal(missing.length, 1, missing.map((d) => d.message).join('\n'));
    assert.match(missing[0]!.message, /Risks/);
  });

  it('does not check the document against the bundled template, and says the workspace template is ignored', async () => {
    const { document } = await openFixture('ARCHITECTURE.md');
    // The view answers once its refresh settles; the server may still be starting, so it is asked until it shows something.
    let items = await viewItems();
    for (const until = Date.now() + 15_000; items.length === 0 && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      items = await viewItems();
    }
    assert.deepEqual(items.map((item) => [item.label, item.state]), [['Template ignored in Restricted Mode', 'error']]);
    assert.match(items[0]!.description, /templates\/service-note\.md/);
    assert.deepEqual(archdocCodes(vscode.languages.getDiagnostics(document.uri)), [], 'no finding from another template');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), fixtureUri('ARCHITECTURE.md').toString());
  });
});
