import { assert } from 'chai';
import * as vscode from 'vscode';
import { archdocCodes, codeOf, fixtureUri, openFixture, revertActiveEditor, waitFor, waitForDiagnostics } from '../../integration/suite/helpers';

/** One item of the Architecture view, as the `archdoc.view.items` command answers. */
interface ViewItem {
  readonly label: string;
  readonly description: string;
  readonly children: readonly ViewItem[];
}

function find(items: readonly ViewItem[], label: string): ViewItem | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    const below = find(item.children, label);
    if (below) return below;
  }
  return undefined;
}

/**
 * The fixture `repository/` holds `.archdoc.jsonc`, so it is the document's repository. Its
 * tree names `lib/`, which is gone; `generated/` is on the config's ignore list and
 * `local-build/` is git-ignored, so neither is undocumented; package.json declares
 * express ^4.18.2 where the document says 5; Last Updated is years old, but there is no git here.
 */
describe('repository checks in the browser', () => {
  afterEach(revertActiveEditor);

  it('reads the repository through the editor’s file system: a stale tree entry, a version the manifest disagrees with', async () => {
    const { document } = await openFixture('repository', 'ARCHITECTURE.md');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => archdocCodes(found).includes('stale-path') && archdocCodes(found).includes('version-mismatch'),
      'stale-path and version-mismatch diagnostics',
    );
    const stale = diagnostics.filter((d) => codeOf(d) === 'stale-path');
    assert.deepEqual(
      stale.map((d) => document.getText(d.range)),
      ['lib/'],
      stale.map((d) => d.message).join('; '),
    );
    assert.strictEqual(document.lineAt(stale[0].range.start.line).text.trim().startsWith('├── lib/'), true);
    const mismatch = diagnostics.find((d) => codeOf(d) === 'version-mismatch');
    assert.include(mismatch?.message ?? '', '^4.18.2');
    // The git-ignored folder and the one on the config's ignore list are not asked for; the variable read in src/app.py is listed.
    const codes = archdocCodes(diagnostics);
    for (const code of ['undocumented-path', 'undocumented-env', 'unused-env', 'unknown-dependency', 'broken-link']) assert.notInclude(codes, code);
    // No git in the browser: stale-date is skipped (the notification centre says so once), never guessed.
    assert.notInclude(codes, 'stale-date');
  });

  it('marks the section whose facts drifted in the Architecture view', async () => {
    const { document } = await openFixture('repository', 'ARCHITECTURE.md');
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).includes('stale-path'), 'a stale-path diagnostic');
    const items = await vscode.commands.executeCommand<ViewItem[]>('archdoc.view.items');
    assert.include(find(items, 'Code Organization')?.description ?? '', '1 out of date with the repository');
    assert.notInclude(find(items, 'Environment Variables')?.description ?? '', 'out of date');
  });

  it('takes a file created on the workspace file system into account, with no edit of the document', async () => {
    const { document } = await openFixture('repository', 'ARCHITECTURE.md');
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).includes('stale-path'), 'a stale-path diagnostic');
    await vscode.workspace.fs.writeFile(fixtureUri('repository', 'lib', 'helpers.py'), new TextEncoder().encode('HELPERS = 1\n'));
    await waitFor('stale-path to clear once lib/ exists', vscode.languages.onDidChangeDiagnostics, () =>
      archdocCodes(vscode.languages.getDiagnostics(document.uri)).includes('stale-path') ? undefined : true,
    );
    assert.include(archdocCodes(vscode.languages.getDiagnostics(document.uri)), 'version-mismatch', 'the other facts stay');
  });
});
