/**
 * Follows the active editor and keeps the server's template-aware outline of its document
 * (`archdoc/outline`) current. The Architecture view and the status bar item both read it,
 * so the server is asked once per change, not once per consumer.
 *
 * "The active editor" is the active tab of the editor area: focus moving to a panel (the
 * Output, the terminal) changes nothing, and closing the document's last tab clears the
 * view and the status item at once.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { OutlineRequest, type OutlineNode, type OutlineParams, type OutlineResult } from '../../../server/src/protocol.ts';

/** How long typing must pause before the outline is asked for again. */
const EDIT_DELAY_MS = 300;
/** Diagnostics arrive in bursts after an edit; one refresh covers a burst. */
const DIAGNOSTICS_DELAY_MS = 100;

/** The outline of the active architecture document, or undefined when there is none. */
export interface TrackedOutline {
  readonly uri: vscode.Uri;
  readonly result: OutlineResult;
}

export class OutlineTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TrackedOutline | undefined>();
  /** Fires after every refresh, with the new outline (undefined when the active editor holds no architecture document). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private current: TrackedOutline | undefined;
  private timer: NodeJS.Timeout | undefined;
  private request: vscode.CancellationTokenSource | undefined;
  /** Refreshes planned or running; `settled()` waits for zero. */
  private pending = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.window.tabGroups.onDidChangeTabs(() => this.schedule(0)),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.schedule(0)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.isActive(event.document.uri)) this.schedule(EDIT_DELAY_MS);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => this.isActive(uri))) this.schedule(DIAGNOSTICS_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.current?.uri.toString() === document.uri.toString()) this.schedule(0);
      }),
      // After a (re)start the server knows nothing yet; ask again once it runs.
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule(0);
      }),
    );
    this.schedule(0);
  }

  get outline(): TrackedOutline | undefined {
    return this.current;
  }

  /** The title of a template section in the outline of `uri`, when that is the outline held. */
  sectionTitle(uri: vscode.Uri, sectionId: string): string | undefined {
    if (this.current?.uri.toString() !== uri.toString()) return undefined;
    const find = (nodes: readonly OutlineNode[]): string | undefined => {
      for (const node of nodes) {
        if (node.id === sectionId) return node.title;
        const found = find(node.children);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    return find(this.current.result.nodes);
  }

  /** Asks for the outline again after `delay` ms, replacing any refresh already planned. */
  schedule(delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    else this.pending++;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh().finally(() => {
        this.pending--;
        if (this.pending === 0) for (const resolve of this.idle.splice(0)) resolve();
      });
    }, delay);
  }

  /** Resolves once no refresh is planned or running, with the outline then current. */
  async settled(): Promise<TrackedOutline | undefined> {
    if (this.pending > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    return this.current;
  }

  /** Whether `uri` is the document the outline follows. */
  private isActive(uri: vscode.Uri): boolean {
    return followedDocument()?.uri.toString() === uri.toString();
  }

  private async refresh(): Promise<void> {
    this.request?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.request = source;
    const document = followedDocument();
    const next = document ? await this.fetch(document, source.token) : undefined;
    // A newer refresh has started; its answer is the one to show.
    if (source.token.isCancellationRequested) return;
    // Shown at once: a refresh that awaited something after this point could be overtaken by a
    // newer one (the document closed meanwhile) and show its outdated outline last.
    this.current = next;
    this.changed.fire(next);
    await vscode.commands.executeCommand('setContext', 'archdoc.active', next !== undefined);
    // Once shown, the view stays in the Explorer, with its welcome text when no architecture document is active.
    if (next !== undefined) await vscode.commands.executeCommand('setContext', 'archdoc.viewShown', true);
  }

  private async fetch(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<TrackedOutline | undefined> {
    if (document.languageId !== 'markdown') return undefined;
    if (!this.client.isRunning()) {
      // While the server starts (or restarts after a crash) the answer is worth waiting for.
      if (this.client.state !== State.Starting) return undefined;
      await this.client.start();
    }
    const params: OutlineParams = { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
    try {
      const result = await this.client.sendRequest<OutlineResult | null>(OutlineRequest, params, token);
      if (!result || (result.nodes.length === 0 && result.error === undefined)) return undefined;
      return { uri: document.uri, result };
    } catch (error) {
      if (!token.isCancellationRequested) this.client.warn(`Could not get the outline of ${document.uri.toString()}`, error, false);
      return undefined;
    }
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.request?.cancel();
    for (const resolve of this.idle.splice(0)) resolve();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * The document the view and the status item follow: the active tab's, while an editor shows
 * it. Panels (the Output, the terminal) are not tabs, so focusing one changes nothing; with
 * every editor closed, no editor is visible and nothing is followed, whatever the tab model
 * still says while it catches up.
 */
function followedDocument(): vscode.TextDocument | undefined {
  const uri = activeTabUri()?.toString();
  if (uri === undefined) return undefined;
  return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri)?.document;
}

/** The document of the editor area's active tab: a text editor's, or the modified side of a diff. */
export function activeTabUri(): vscode.Uri | undefined {
  const group = vscode.window.tabGroups.activeTabGroup;
  const tab = group.activeTab;
  if (!tab || !group.tabs.includes(tab)) return undefined;
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

/** Every document shown in a tab of the editor area, as URI strings. */
export function documentsInTabs(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText) uris.add(tab.input.uri.toString());
      else if (tab.input instanceof vscode.TabInputTextDiff) uris.add(tab.input.modified.toString());
    }
  }
  return uris;
}
