import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { archdocCodes, codeOf, openFixture, revertActiveEditor, waitForDiagnostics } from './helpers';

describe('quick fixes', () => {
  afterEach(revertActiveEditor);

  it('renames a misspelt heading and the heading-typo diagnostic goes away', async () => {
    const { document } = await openFixture('docs', 'architecture', 'quick-fix.md');
    const before = await waitForDiagnostics(document.uri, (found) => archdocCodes(found).includes('heading-typo'), 'a heading-typo diagnostic');
    const typo = before.find((d) => codeOf(d) === 'heading-typo')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      typo.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    // The API command does not carry an action's diagnostics over, so the fix is known by its title.
    const fix = actions.find((action) => action.title.includes('Overview') && !action.title.startsWith('Disable'));
    assert.ok(fix, `a fix for the typo is offered among: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(fix.edit, `the fix "${fix.title}" carries an edit`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(document.lineAt(typo.range.start.line).text, '## Overview');

    const after = await waitForDiagnostics(document.uri, (found) => !archdocCodes(found).includes('heading-typo'), 'the heading-typo diagnostic to go');
    const appeared = archdocCodes(after).filter((code) => !archdocCodes(before).includes(code));
    assert.deepEqual(appeared, [], 'the fix brings no new kind of diagnostic');
  });
});
