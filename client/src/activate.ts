/**
 * What the desktop and the browser extension share: the language client and everything an
 * editor adds around it, the scaffold command, the Architecture view and the status bar item.
 * Activation registers things and returns; the server starts in the background. Each entry
 * point supplies what differs by host: how the server runs and how a new file is written.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { addMissingSections, insertSection } from './commands/sections.ts';
import type { NewFileWriter } from './commands/fileWriter.ts';
import { NewDocumentCommand } from './commands/newDocument.ts';
import { serveFiles } from './fileAccess.ts';
import { registerLanguageModelTools } from './lm/tools.ts';
import { BundledTemplateProvider, openTemplate, TEMPLATE_SCHEME } from './commands/openTemplate.ts';
import { ignoredTemplates, RestrictedModeNotice, type IgnoredTemplates, type SettingsReader } from './restrictedMode.ts';
import { TabDiagnostics } from './tabDiagnostics.ts';
import { traceChannel } from './traceChannel.ts';
import type { ClientExtras } from './clientOptions.ts';
import { OutlineTracker } from './views/outlineTracker.ts';
import { createOutlineView, fixSection, OutlineStatusBar, OutlineTreeProvider, revealSection, snapshot, type ViewItemSnapshot } from './views/outlineView.ts';

export interface ExtensionHost {
  createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, extras: ClientExtras): BaseLanguageClient;
  readonly writer: NewFileWriter;
  /** Reads a workspace settings file synchronously, for Restricted Mode's notice. */
  readonly readSettingsFile: SettingsReader;
}

/** Activates ArchDoc and returns its language client, for `deactivate` to stop. */
export function activateArchdoc(context: vscode.ExtensionContext, host: ExtensionHost): BaseLanguageClient {
  const output = vscode.window.createOutputChannel('ArchDoc', { log: true });
  const tabDiagnostics = new TabDiagnostics();
  const trace = traceChannel(output);
  const ignored = (): IgnoredTemplates => ignoredTemplates(host.readSettingsFile);
  const languageClient = host.createClient(context, output, { middleware: tabDiagnostics.middleware, trace, ignoredTemplates: ignored });
  tabDiagnostics.attach(languageClient);
  // The server reads through workspace.fs what it cannot reach itself: every file in a browser, virtual file systems on the desktop.
  context.subscriptions.push(...serveFiles(languageClient));
  const tracker = new OutlineTracker(languageClient);
  const tree = new OutlineTreeProvider(tracker);
  const newDocument = new NewDocumentCommand(languageClient, host.writer);
  const templateFolder = vscode.Uri.joinPath(context.extensionUri, 'server', 'templates');
  const restricted = new RestrictedModeNotice();

  context.subscriptions.push(
    output,
    trace,
    languageClient,
    tabDiagnostics,
    // The server decides which documents the ignored template leaves unchecked (a marker or the config file may name another).
    tracker.onDidChange((outline) => {
      if (outline?.result.ignoredTemplate !== undefined) restricted.show(outline.result.ignoredTemplate);
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
      await restart(languageClient);
      tracker.schedule(0);
    }),
    vscode.commands.registerCommand('archdoc.view.items', async (): Promise<ViewItemSnapshot[]> => {
      await tracker.settled();
      return snapshot(tree.items);
    }),
    // Trust changes which templates the server may read; it learns the new state at initialization.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (languageClient.isRunning()) await restart(languageClient);
    }),
  );

  context.subscriptions.push(...registerLanguageModelTools(languageClient));

  languageClient.start().catch((error: unknown) => {
    output.error('The ArchDoc language server did not start', error);
  });
  return languageClient;
}

/** Stops and starts the server; the client reopens every document, so it checks them again. */
async function restart(client: BaseLanguageClient): Promise<void> {
  await client.stop();
  await client.start();
}
