import { assert } from 'chai';
import * as vscode from 'vscode';
import { archdocCodes, labelOf, localIsoDate, openFixture, revertActiveEditor, waitForDiagnostics } from '../../integration/suite/helpers';
import { acceptAtEnd } from './page';

/** Opens an architecture document once the server has checked it, so that it answers for it. */
async function openChecked(...segments: string[]): Promise<vscode.TextEditor> {
  const editor = await openFixture(...segments);
  await waitForDiagnostics(editor.document.uri, (found) => archdocCodes(found).length > 0, 'the first check');
  return editor;
}

/** Completion at the end of the editor's document, which ends on an empty line. */
async function completeAtEnd(editor: vscode.TextEditor): Promise<vscode.CompletionItem[]> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end);
  return list.items;
}

describe('entry snippets in the browser', () => {
  afterEach(revertActiveEditor);

  it('offers a decision record built from the bundled template in the Decision Log, and accepting it inserts the record', async () => {
    const editor = await openChecked('docs', 'architecture', 'decisions.md');
    const items = await completeAtEnd(editor);
    const item = items.find((i) => labelOf(i) === 'New Decision');
    assert.isDefined(item, `a new decision record among: ${items.map(labelOf).join(', ')}`);
    assert.strictEqual(item!.kind, vscode.CompletionItemKind.Snippet);
    assert.instanceOf(item!.insertText, vscode.SnippetString, 'the record comes with tab stops');
    const before = editor.document.getText();
    const text = await acceptAtEnd(editor, 'New Decision');
    assert.strictEqual(
      text,
      before +
        [
          `**${localIsoDate()} - Decision Title**`,
          '- **Context**: What was the situation',
          '- **Decision**: What was decided',
          '- **Rationale**: Why this was chosen',
          '- **Alternatives**: What else was considered',
          '- **Consequences**: Trade-offs and implications',
        ].join('\n'),
    );
    // The first tab stop selects the date, ready to be typed over.
    assert.strictEqual(editor.document.getText(editor.selection), localIsoDate());
  });

  it('offers the entry of the template that the folder’s .archdoc.jsonc names, and not the bundled template’s', async () => {
    const editor = await openChecked('teams', 'ops', 'pager', 'ARCHITECTURE.md');
    const labels = (await completeAtEnd(editor)).map(labelOf);
    assert.include(labels, 'New Rotation');
    assert.notInclude(labels, 'New Decision');
    const before = editor.document.getText();
    const text = await acceptAtEnd(editor, 'New Rotation');
    assert.strictEqual(
      text,
      before + ['**Rotation Name**', '- **Primary**: Who is paged first', '- **Escalation**: Who is paged when the first does not answer'].join('\n'),
    );
    assert.strictEqual(editor.document.getText(editor.selection), 'Rotation Name');
  });

  it('offers no ArchDoc snippet or section in a README that is not an architecture document', async () => {
    const editor = await openFixture('README.md');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    // The same place in the same headings where an architecture document is offered a record.
    assert.isTrue(await editor.edit((edit) => edit.insert(end, '\n## Decision Log\n\n### Major Architectural Decisions\n\n')));
    const labels = (await completeAtEnd(editor)).map(labelOf);
    assert.isFalse(labels.some((label) => label.startsWith('New ')), `no new entry among: ${labels.join(', ')}`);
    assert.isTrue(await editor.edit((edit) => edit.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '## ')));
    const headings = (await completeAtEnd(editor)).map(labelOf);
    assert.isFalse(headings.some((label) => label.includes('Security')), `no template section among: ${headings.join(', ')}`);
  });
});
