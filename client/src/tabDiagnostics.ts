/**
 * Diagnostics for the documents shown in the editor area only. VS Code keeps a closed
 * document open for the extension host (and so for the server) until it collects it, often
 * minutes later; until then the server's findings would stay in the Problems panel for a
 * document the user closed. The client keeps the latest findings of every document and shows
 * those of documents that have a tab: closing the last tab hides them at once, reopening the
 * document shows them again without waiting for the server.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient';
import { documentsInTabs } from './views/outlineTracker.ts';

export class TabDiagnostics implements vscode.Disposable {
  private readonly latest = new Map<string, vscode.Diagnostic[]>();
  private shown = documentsInTabs();
  private client: BaseLanguageClient | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs(() => this.tabsChanged()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.tabsChanged()),
      vscode.workspace.onDidCloseTextDocument((document) => this.latest.delete(document.uri.toString())),
    ];
  }

  /** The language client middleware that files each publication and passes on what is shown. */
  readonly middleware: Pick<Middleware, 'handleDiagnostics'> = {
    handleDiagnostics: (uri, diagnostics, next) => {
      this.latest.set(uri.toString(), diagnostics);
      next(uri, this.isShown(uri) ? diagnostics : []);
    },
  };

  attach(client: BaseLanguageClient): void {
    this.client = client;
  }

  private isShown(uri: vscode.Uri): boolean {
    // A document opened by a command without an editor (a peek, another extension) is shown if it has a tab or is visible.
    return this.shown.has(uri.toString()) || vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === uri.toString());
  }

  private tabsChanged(): void {
    const before = this.shown;
    this.shown = documentsInTabs();
    const collection = this.client?.diagnostics;
    if (!collection) return;
    for (const [key, diagnostics] of this.latest) {
      const was = before.has(key);
      const is = this.shown.has(key);
      if (was && !is) collection.delete(vscode.Uri.parse(key));
      else if (!was && is) collection.set(vscode.Uri.parse(key), diagnostics);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.latest.clear();
  }
}
