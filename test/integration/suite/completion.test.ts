import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { labelOf, openFixture, revertActiveEditor } from './helpers';

describe('completion', () => {
  afterEach(revertActiveEditor);

  it('offers the template sections still missing after "## " on a new line', async () => {
    const editor = await openFixture('docs', 'architecture', 'editing.md');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(end, '\n\n## ')));
    const position = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      position,
    );
    const labels = list.items.map(labelOf);
    assert.ok(labels.some((label) => label.includes('Security')), `Security is offered among: ${labels.join(', ')}`);
    assert.ok(!labels.some((label) => /^(## )?Overview$/.test(label)), 'Overview, already present, is not offered again');
  });
});
