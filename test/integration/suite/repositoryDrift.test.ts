import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, fixtureUri, revertActiveEditor, waitFor, waitForDiagnostics } from './helpers';

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

const DOCUMENT = [
  '# Drift Architecture',
  '',
  'A service whose tree names a folder that is not there yet.',
  '',
  '## Design Patterns',
  '',
  '### Code Organization',
  '',
  '```',
  'drift/',
  '├── src/                 # Application code',
  '└── lib/                 # Shared helpers',
  '```',
  '',
  '---',
  '',
  '**Status**: Active',
  '',
].join('\n');

async function write(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fixtureUri('drift', ...relative.split('/')), new TextEncoder().encode(text));
}

const stalePaths = (uri: vscode.Uri): string[] => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'stale-path').map((d) => d.message);

/**
 * A repository written by the test itself (its own `.archdoc.jsonc` makes `drift/` the root and
 * switches the repository checks on):
 * the view marks the section whose facts drifted, and a file created on disk clears it, through
 * the watcher, with no edit of the document.
 */
describe('repository drift in the Architecture view', () => {
  afterEach(revertActiveEditor);

  it('marks the section whose facts drifted, and clears it when the repository catches up', async () => {
    // The suite's profile turns the checks off for the fixture workspace; this repository's config turns them on, and wins.
    await write('.archdoc.jsonc', '{ "checkRepository": true }\n');
    await write('src/app.ts', 'export const app = 1;\n');
    await write('ARCHITECTURE.md', DOCUMENT);
    const uri = fixtureUri('drift', 'ARCHITECTURE.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitForDiagnostics(uri, (found) => found.some((d) => codeOf(d) === 'stale-path'), 'a stale-path diagnostic');
    assert.deepEqual(diagnostics.filter((d) => codeOf(d) === 'stale-path').map((d) => d.range.start.line), [11]);
    const items = await vscode.commands.executeCommand<ViewItem[]>('archdoc.view.items');
    assert.match(find(items, 'Code Organization')?.description ?? '', /1 out of date with the repository/);

    await write('lib/helpers.ts', 'export const helper = 1;\n');
    await waitFor('stale-path to clear once lib/ exists', vscode.languages.onDidChangeDiagnostics, () => (stalePaths(uri).length === 0 ? true : undefined));
    const after = await vscode.commands.executeCommand<ViewItem[]>('archdoc.view.items');
    assert.doesNotMatch(find(after, 'Code Organization')?.description ?? '', /out of date/);
  });
});
