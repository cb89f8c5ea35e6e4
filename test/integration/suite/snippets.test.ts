import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionUnderTest, localIsoDate, openFixture, revertActiveEditor } from './helpers';

interface SnippetDefinition {
  readonly prefix: string | string[];
  readonly body: string | string[];
}

/** The name of the contributed markdown snippet with `prefix`, read from the installed extension. */
async function snippetNamed(prefix: string): Promise<string> {
  const extension = extensionUnderTest();
  const contributions = (extension.packageJSON.contributes?.snippets ?? []) as { language: string; path: string }[];
  for (const contribution of contributions.filter((c) => c.language === 'markdown')) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, contribution.path));
    const snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetDefinition>;
    const found = Object.entries(snippets).find(([, snippet]) => ([] as string[]).concat(snippet.prefix).includes(prefix));
    if (found) return found[0];
  }
  throw new Error(`no markdown snippet with prefix ${prefix} is contributed`);
}

describe('snippets', () => {
  afterEach(revertActiveEditor);

  it('inserts a decision record with today\'s date and its five fields', async () => {
    const editor = await openFixture('docs', 'architecture', 'editing.md');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.ok(await editor.edit((edit) => edit.insert(end, '\n\n')));
    const name = await snippetNamed('decision');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
    const text = editor.document.getText();
    assert.ok(text.includes(localIsoDate()), "the record is dated today");
    for (const field of ['Context', 'Decision', 'Rationale', 'Alternatives', 'Consequences']) {
      assert.ok(text.includes(`**${field}`), `the record has the ${field} field`);
    }
  });
});
