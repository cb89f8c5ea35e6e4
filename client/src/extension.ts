/**
 * The ArchDoc extension: starts the language server for markdown documents and adds what
 * only an editor can offer, the scaffold command, the Architecture view and the status bar
 * item. Activation registers things and returns; the server starts in the background.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { addMissingSections, insertSection } from './commands/sections.ts';
import { NewDocumentCommand } from './commands/newDocument.ts';
import { BundledTemplateProvider, openTemplate, TEMPLATE_SCHEME } from './commands/openTemplate.ts';
import { createLanguageClient } from './languageClient.ts';
import { registerLanguageModelTools } from './lm/tools.ts';
import { ignoredTemplates, RestrictedModeNotice } from './restrictedMode.ts';
import { TabDiagnostics } from './tabDiagnostics.ts';
import { OutlineTracker } from './views/outlineTracker.ts';
import { createOutlineView, fixSection, OutlineStatusBar, OutlineTreeProvider, revealSection, snapshot, type ViewItemSnapshot } from './views/outlineView.ts';

export type { NewDocumentArgs, NewDocumentResult } from './commands/newDocument.ts';
export type { ViewItemSnapshot } from './views/outlineView.ts';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('ArchDoc', { log: true });
  const tabDiagnostics = new TabDiagnostics();
  client = createLanguageClient(context, output, tabDiagnostics.middleware);
  const languageClient = client;
  tabDiagnostics.attach(languageClient);
  const tracker = new OutlineTracker(languageClient);
  const tree = new OutlineTreeProvider(tracker);
  const newDocument = new NewDocumentCommand(languageClient);
  const templateFolder = vscode.Uri.joinPath(context.extensionUri, 'server', 'templates');
  const restricted = new RestrictedModeNotice();

  context.subscriptions.push(
    output,
    languageClient,
    tabDiagnostics,
    tracker.onDidChange((outline) => {
      if (!outline) return;
      const folder = vscode.workspace.getWorkspaceFolder(outline.uri);
      const ignored = outline.result.ignoredTemplate ?? (folder ? ignoredTemplates()[folder.uri.toString()] : undefined);
      if (ignored !== undefined) restricted.show(ignored);
    }),
    tracker,
    tree,
    new OutlineStatusBar(tracker),
    createOutlineView(tree, tracker),
    vscode.workspace.registerTextDocumentContentProvider(TEMPLATE_SCHEME, new BundledTemplateProvider(templateFolder)),
    vscode.commands.registerCommand('archdoc.newDocument', (args?: unknown) => newDocument.run(args)),
    vscode.commands.registerCommand('archdoc.addMissingSections', (uri?: unknown) =>
      addMissingSections(uri instanceof vscode.Uri ? uri : undefined, (document, id) => tracker.sectionTitle(document, id)),
    ),
    vscode.commands.registerCommand('archdoc.insertSection', (node?: unknown) => insertSection(OutlineTreeProvider.insertTarget(node))),
    vscode.commands.registerCommand('archdoc.revealSection', revealSection),
    vscode.commands.registerCommand('archdoc.fixSection', (node?: unknown) => fixSection(OutlineTreeProvider.sectionLocation(node))),
    vscode.commands.registerCommand('archdoc.openTemplate', () => openTemplate(languageClient, tracker)),
    vscode.commands.registerCommand('archdoc.restartServer', async () => {
      await languageClient.restart();
      tracker.schedule(0);
    }),
    vscode.commands.registerCommand('archdoc.view.items', async (): Promise<ViewItemSnapshot[]> => {
      await tracker.settled();
      return snapshot(tree.items);
    }),
    // Trust changes which templates the server may read; it learns the new state at initialization.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (languageClient.isRunning()) await languageClient.restart();
    }),
  );

  context.subscriptions.push(...registerLanguageModelTools(languageClient));

  languageClient.start().catch((error: unknown) => {
    output.error('The ArchDoc language server did not start', error);
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
