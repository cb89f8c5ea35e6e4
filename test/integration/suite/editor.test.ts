import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { archdocCodes, codeOf, extensionUnderTest, fixtureUri, openFixture, pressEnterUntilDone, waitForDiagnostics, workspaceRoot } from './helpers';

interface NewDocumentResult {
  readonly status: string;
  readonly uri?: string;
  readonly message?: string;
}

interface ViewItem {
  readonly label: string;
  readonly description: string;
  readonly state: string;
  readonly contextValue: string;
  readonly sectionId: string;
  readonly children: readonly ViewItem[];
}

function newDocument(args: Record<string, unknown>): Thenable<NewDocumentResult> {
  return vscode.commands.executeCommand<NewDocumentResult>('archdoc.newDocument', { folder: workspaceRoot(), ...args });
}

function viewItems(): Thenable<ViewItem[]> {
  return vscode.commands.executeCommand<ViewItem[]>('archdoc.view.items');
}

function find(items: readonly ViewItem[], label: string): ViewItem | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    const child = find(item.children, label);
    if (child) return child;
  }
  return undefined;
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

describe('the editor as a new user meets it', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps a document created under an unrecognised name an architecture document, with a marker', async () => {
    const result = await newDocument({ name: 'Orbit', target: 'notes/design.md' });
    assert.equal(result.status, 'created', result.message);
    const uri = fixtureUri('notes', 'design.md');
    assert.ok((await read(uri)).startsWith('<!-- archdoc -->'), 'the document opts in');
    await waitForDiagnostics(uri, (found) => archdocCodes(found).includes('placeholder'), 'diagnostics on notes/design.md');
  });

  it('recognises Architecture.md in any case, and writes no marker there', async () => {
    const result = await newDocument({ name: 'Orbit', target: 'cased/Architecture.md' });
    assert.equal(result.status, 'created', result.message);
    const uri = fixtureUri('cased', 'Architecture.md');
    assert.ok(!(await read(uri)).includes('<!-- archdoc -->'));
    await waitForDiagnostics(uri, (found) => archdocCodes(found).includes('placeholder'), 'diagnostics on cased/Architecture.md');
  });

  it('opens a fresh scaffold with a short Problems list: guidance as hints while it is a Draft', async () => {
    const result = await newDocument({ name: 'Orbit', target: 'fresh/ARCHITECTURE.md' });
    assert.equal(result.status, 'created', result.message);
    const uri = fixtureUri('fresh', 'ARCHITECTURE.md');
    const diagnostics = await waitForDiagnostics(uri, (found) => archdocCodes(found).includes('template-text'), 'template-text on the scaffold');
    const listed = diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
    assert.ok(listed.length <= 20, `${listed.length} entries in the Problems panel`);
    const guidance = diagnostics.filter((d) => codeOf(d) === 'template-text');
    assert.ok(guidance.every((d) => d.severity === vscode.DiagnosticSeverity.Hint));
    assert.match(guidance[0]!.message, /^Template guidance left in "Overview": "High-level description/);
  });

  it('shows one section state in the hover, the Architecture view and the status count', async () => {
    const result = await newDocument({ name: 'Orbit', target: 'states/ARCHITECTURE.md' });
    assert.equal(result.status, 'created', result.message);
    const uri = fixtureUri('states', 'ARCHITECTURE.md');
    await waitForDiagnostics(uri, (found) => archdocCodes(found).length > 0, 'diagnostics on the scaffold');
    const items = await viewItems();
    const overview = find(items, 'Overview');
    assert.equal(overview?.state, 'guidance');
    const untouched = find(items, 'Code Organization');
    assert.ok(untouched && untouched.state !== 'done', `an untouched section is not done: ${untouched?.state}`);
    assert.notEqual(find(items, 'Major Architectural Decisions')?.state, 'done', 'a decision record still dated [Date] is not done');
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.getText().split('\n').indexOf('## Overview');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 4));
    assert.ok(hoverText(hovers).includes(`State: ${overview?.description}`), `the hover says the view's "${overview?.description}": ${hoverText(hovers)}`);
  });

  it('gives VS Code no second set of heading symbols', async () => {
    const { document } = await openFixture('ARCHITECTURE.md');
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).length > 0, 'diagnostics on ARCHITECTURE.md');
    const names: string[] = [];
    const walk = (list: readonly vscode.DocumentSymbol[]): void => list.forEach((s) => (names.push(s.name), walk(s.children ?? [])));
    // The markdown extension activates on its own schedule; its symbols are asked for until they come.
    for (const until = Date.now() + 15_000; names.length === 0 && Date.now() < until; ) {
      walk((await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri)) ?? []);
      if (names.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const overview = names.filter((name) => name.replace(/^#+\s*/, '') === 'Overview');
    assert.equal(overview.length, 1, `Overview is listed once: ${names.join(', ')}`);
  });

  it('clears the diagnostics and the view when the document is closed, and keeps them while a panel has focus', async () => {
    const { document } = await openFixture('ARCHITECTURE.md');
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).length > 0, 'diagnostics on ARCHITECTURE.md');
    await vscode.commands.executeCommand('workbench.action.output.toggleOutput');
    assert.ok((await viewItems()).length > 0, 'focusing the Output panel leaves the view as it was');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).length === 0, 'no diagnostics once closed', 3000);
    let items = await viewItems();
    for (const until = Date.now() + 3000; items.length > 0 && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      items = await viewItems();
    }
    const tabs = vscode.window.tabGroups.all.map((g) => g.tabs.map((t) => `${t.label}:${t.isActive}:${(t.input as { uri?: vscode.Uri })?.uri?.toString()}`).join('|')).join(' || ');
    assert.deepEqual(items.map((item) => item.label), [], `the view is cleared within 3 s; tabs: ${tabs}; active editor ${vscode.window.activeTextEditor?.document.uri.toString()}`);
    await openFixture('ARCHITECTURE.md');
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).length > 0, 'the diagnostics back once reopened', 3000);
  });

  it('creates docs/ARCHITECTURE.md from the Explorer on docs/, named after the workspace', async () => {
    const docs = fixtureUri('docs');
    // Enter on the prefilled project name, then on the first target: the clicked folder's ARCHITECTURE.md.
    const result = await pressEnterUntilDone(vscode.commands.executeCommand<NewDocumentResult>('archdoc.newDocument', docs));
    assert.equal(result.status, 'created', result.message);
    assert.equal(result.uri, fixtureUri('docs', 'ARCHITECTURE.md').toString());
    const text = await read(fixtureUri('docs', 'ARCHITECTURE.md'));
    const folderName = workspaceRoot().path.split('/').pop() ?? '';
    assert.ok(text.includes(`Technical design documentation for ${folderName}.`), 'named after the workspace folder');
  });

  it('links each diagnostic code to its documentation', async () => {
    const { document } = await openFixture('ARCHITECTURE.md');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => archdocCodes(found).length > 0, 'diagnostics on ARCHITECTURE.md');
    for (const diagnostic of diagnostics.filter((d) => d.source === 'archdoc')) {
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code.target instanceof vscode.Uri, `${codeOf(diagnostic)} has a link`);
      assert.match(code.target.toString(), new RegExp(`${codeOf(diagnostic)}\\.md`));
    }
  });

  it('opens the bundled template in a read-only tab labelled as the template', async () => {
    await openFixture('ARCHITECTURE.md');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('archdoc.openTemplate');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.equal(tab?.label, 'ARCHITECTURE (template).md');
    // Documents a content provider serves are read-only in the editor; no file system can write them.
    assert.equal(uri.scheme, 'archdoc-template');
    assert.notEqual(vscode.workspace.fs.isWritableFileSystem(uri.scheme), true, 'the bundled template is not writable');
    assert.ok(vscode.window.activeTextEditor?.document.getText().startsWith('# '), 'its text is shown');
  });

  it('reveals a section inserted from the view', async () => {
    const { document } = await openFixture('docs', 'architecture', 'editing.md');
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).includes('missing-section'), 'missing sections in editing.md');
    const missing = (await viewItems()).find((item) => item.contextValue === 'archdoc.section.missing');
    assert.ok(missing, 'a missing section to insert');
    const inserted = await vscode.commands.executeCommand<boolean>('archdoc.insertSection', { item: { sectionId: missing.sectionId, label: missing.label }, uri: document.uri });
    assert.ok(inserted);
    const editor = vscode.window.activeTextEditor;
    const line = editor?.selection.active.line ?? -1;
    assert.equal(editor?.document.lineAt(line).text, `## ${missing.label}`, 'the cursor is on the inserted heading');
    assert.ok(editor?.visibleRanges.some((range) => range.contains(new vscode.Position(line, 0))), 'the heading is in view');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('orders the template settings first and offers no Refresh on the live view', async () => {
    const properties = extensionUnderTest().packageJSON.contributes.configuration.properties as Record<string, { order?: number }>;
    const ordered = Object.entries(properties).filter(([, p]) => p.order !== undefined).sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0));
    assert.deepEqual(ordered.slice(0, 2).map(([key]) => key), ['archdoc.template', 'archdoc.templates']);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(!commands.includes('archdoc.refreshView'));
    assert.ok(commands.includes('archdoc.newDocument'), 'the welcome text links to a command that exists');
  });
});
