import { assert } from 'chai';
import * as vscode from 'vscode';
import { extensionUnderTest, fixtureUri, localIsoDate, openFixture, revertActiveEditor, workspaceRoot } from '../../integration/suite/helpers';
import { notifications } from './page';

/** One item of the Architecture view, as the `archdoc.view.items` command answers. */
interface ViewItem {
  readonly label: string;
  readonly state: string;
  readonly children: readonly ViewItem[];
}

interface NewDocumentResult {
  readonly status: string;
  readonly uri?: string;
  readonly message?: string;
}

/** New Architecture Doc without a question: the workspace configures several templates, so one is named (by default the bundled one). */
function newDocument(args: Record<string, unknown>): Thenable<NewDocumentResult> {
  return vscode.commands.executeCommand<NewDocumentResult>('archdoc.newDocument', { folder: workspaceRoot(), template: 'architecture', ...args });
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('the workbench in the browser', () => {
  afterEach(revertActiveEditor);

  it('activates the browser build of the extension', async () => {
    const extension = extensionUnderTest();
    assert.strictEqual(extension.packageJSON.browser, './dist/browser/extension.js');
    // Activation throws here if the bundle cannot load in the web extension host.
    await extension.activate();
    assert.isTrue(extension.isActive);
  });

  it('lists the template sections with their state in the Architecture view', async () => {
    await openFixture('ARCHITECTURE.md');
    const items = await vscode.commands.executeCommand<ViewItem[]>('archdoc.view.items');
    assert.strictEqual(items.find((item) => item.label === 'Overview')?.state, 'done');
    assert.strictEqual(items.find((item) => item.label === 'Security')?.state, 'missing');
  });

  it('creates a new document through workspace.fs, filled in and opened', async () => {
    const result = await newDocument({ name: 'Billing', target: 'scaffold/ARCHITECTURE.md' });
    assert.strictEqual(result.status, 'created', result.message);
    const uri = fixtureUri('scaffold', 'ARCHITECTURE.md');
    const text = await read(uri);
    assert.include(text, 'Billing');
    assert.notInclude(text, '[Project Name]');
    assert.include(text, localIsoDate());
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('creates a new document from a template of the workspace and its sidecar, both read through workspace.fs', async () => {
    const result = await newDocument({ name: 'Payments', target: 'services/payments/ARCHITECTURE.md', template: 'templates/service.md' });
    assert.strictEqual(result.status, 'created', result.message);
    const text = await read(fixtureUri('services', 'payments', 'ARCHITECTURE.md'));
    // The sidecar (templates/service.json) says which placeholder is the project's name.
    assert.match(text, /^# Payments\n/);
    assert.include(text, '## Runbook');
    assert.notInclude(text, '## Overview');
  });

  it('never overwrites an existing file', async () => {
    const uri = fixtureUri('scaffold', 'KEEP.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Mine\n'));
    const result = await newDocument({ name: 'Other', target: 'scaffold/KEEP.md' });
    assert.strictEqual(result.status, 'exists');
    assert.strictEqual(await read(uri), '# Mine\n');
  });

  it('says once, in the notification centre, that stale-date is skipped, as git cannot run there', async () => {
    // Every architecture document of the suite has been checked by now: still one notice.
    const shown = await notifications(/skips stale-date/);
    const notices = shown.texts.filter((text) => text.includes('skips stale-date'));
    assert.lengthOf(notices, 1, `the notification centre holds: ${shown.texts.join(' | ')}`);
    assert.match(notices[0], /\bgit\b/, 'the notice says why');
  });
});
