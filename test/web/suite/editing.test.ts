import { assert } from 'chai';
import * as vscode from 'vscode';
import { archdocCodes, codeOf, labelOf, openFixture, revertActiveEditor, waitForDiagnostics } from '../../integration/suite/helpers';
import { acceptAtEnd } from './page';

describe('editing in the browser', () => {
  afterEach(revertActiveEditor);

  it('offers the template sections still missing after "## " on a new line', async () => {
    const editor = await openFixture('docs', 'architecture', 'editing.md');
    // Until the server has checked the document, only VS Code's own completions answer.
    await waitForDiagnostics(editor.document.uri, (found) => archdocCodes(found).length > 0, 'the first check');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.isTrue(await editor.edit((edit) => edit.insert(end, '\n\n## ')));
    const position = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = list.items.map(labelOf);
    assert.isTrue(labels.some((label) => label.includes('Security')), `Security is offered among: ${labels.join(', ')}`);
    assert.isFalse(labels.some((label) => /^(## )?Overview$/.test(label)), 'Overview, already present, is not offered again');
  });

  it('inserts the section picked in the suggest widget, with its skeleton from the template', async () => {
    const editor = await openFixture('docs', 'architecture', 'editing.md');
    await waitForDiagnostics(editor.document.uri, (found) => archdocCodes(found).length > 0, 'the first check');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.isTrue(await editor.edit((edit) => edit.insert(end, '\n\n## Secur')));
    const text = await acceptAtEnd(editor, 'Security');
    const lines = text.split('\n');
    const heading = lines.indexOf('## Security');
    assert.isAbove(heading, 0, text);
    assert.notInclude(text, '## Secur\n');
    assert.include(lines.slice(heading), '### Authentication & Authorization');
  });

  it('explains a section on hover', async () => {
    const editor = await openFixture('docs', 'architecture', 'editing.md');
    const line = [...Array(editor.document.lineCount).keys()].find((n) => editor.document.lineAt(n).text === '## Overview');
    assert.isDefined(line, 'the fixture has an Overview heading');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line!, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Overview/);
  });

  it('renames a misspelt heading with a quick fix, and the diagnostic goes away', async () => {
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
    const fix = actions.find((action) => action.title.includes('Overview') && !action.title.startsWith('Disable'));
    assert.isDefined(fix, `a fix for the typo among: ${actions.map((a) => a.title).join('; ')}`);
    assert.isDefined(fix!.edit, 'the fix carries an edit');
    assert.isTrue(await vscode.workspace.applyEdit(fix!.edit!));
    assert.strictEqual(document.lineAt(typo.range.start.line).text, '## Overview');
    await waitForDiagnostics(document.uri, (found) => !archdocCodes(found).includes('heading-typo'), 'the heading-typo diagnostic to go');
  });

  it('offers fix-all, whose edits leave fewer findings', async () => {
    // Fix-all applies only certain edits: a year-first date written the ISO way is one.
    const { document } = await openFixture('docs', 'architecture', 'fix-all.md');
    const before = await waitForDiagnostics(document.uri, (found) => archdocCodes(found).length > 0, 'diagnostics');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(0, 0, document.lineCount, 0),
      vscode.CodeActionKind.SourceFixAll.value,
    );
    const fixAll = actions.find((action) => action.kind && vscode.CodeActionKind.SourceFixAll.contains(action.kind));
    assert.isDefined(fixAll?.edit, `a fix-all action with an edit among: ${actions.map((a) => a.title).join('; ')}`);
    assert.isTrue(await vscode.workspace.applyEdit(fixAll!.edit!));
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).length < archdocCodes(before).length, 'fewer diagnostics after fix-all');
  });
});
