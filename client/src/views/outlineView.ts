/**
 * The Architecture view (Explorer, `archdoc.outline`) and the status bar item. Unlike the
 * built-in markdown outline, which lists the headings a document has, this view lists the
 * sections its template asks for, with the ones still missing shown as ghost entries.
 */
import * as vscode from 'vscode';
import type { Range as ProtocolRange } from 'vscode-languageserver-types';
import type { OutlineState } from '../../../server/src/protocol.ts';
import { templateName } from '../templateRefs.ts';
import { statusText, statusTooltip, toSectionItems, type SectionItem } from './outlineItems.ts';
import type { OutlineTracker, TrackedOutline } from './outlineTracker.ts';

export const VIEW_ID = 'archdoc.outline';

/**
 * One item of the Architecture view as returned by the `archdoc.view.items` command, which
 * exists for tests: `await vscode.commands.executeCommand<ViewItemSnapshot[]>('archdoc.view.items')`
 * answers once pending refreshes have settled, with the tree for the active document
 * (an empty array when the active editor holds no architecture document).
 */
export interface ViewItemSnapshot {
  /** The section title, as the view shows it. */
  readonly label: string;
  /** The state in words: `done`, `3 placeholders`, `empty`, `missing`, `missing (optional)`, `out of order`. */
  readonly description: string;
  readonly state: OutlineState | 'error';
  /** `archdoc.section.<state>`, `archdoc.section.missing-optional`, `archdoc.section.extra` or `archdoc.error`; menus match on it. */
  readonly contextValue: string;
  /** The template section id (`system-architecture/components`), or `extra:<line>`. */
  readonly sectionId: string;
  readonly children: readonly ViewItemSnapshot[];
}

/** Arguments of `archdoc.revealSection`, set as each present section's click command. */
export type RevealArguments = [uri: string, range: ProtocolRange];

/** Arguments of `archdoc.insertSection`, passed by the view's inline action on a missing section. */
export interface InsertSectionTarget {
  readonly uri: vscode.Uri;
  readonly sectionId: string;
  readonly title: string;
}

export function snapshot(items: readonly SectionItem[]): ViewItemSnapshot[] {
  return items.map((item) => ({
    label: item.label,
    description: item.description,
    state: item.state,
    contextValue: item.contextValue,
    sectionId: item.sectionId,
    children: snapshot(item.children),
  }));
}

interface Node {
  readonly item: SectionItem;
  readonly uri: vscode.Uri;
}

export class OutlineTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Node[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(tracker: OutlineTracker) {
    this.subscription = tracker.onDidChange((outline) => this.update(outline));
    this.update(tracker.outline);
  }

  /** The items shown now, for `archdoc.view.items`. */
  get items(): SectionItem[] {
    return this.roots.map((node) => node.item);
  }

  private update(outline: TrackedOutline | undefined): void {
    this.roots = outline ? toSectionItems(outline.result).map((item) => ({ item, uri: outline.uri })) : [];
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    return node.item.children.map((item) => ({ item, uri: node.uri }));
  }

  getTreeItem({ item, uri }: Node): vscode.TreeItem {
    const treeItem = new vscode.TreeItem(item.label, collapsibleState(item));
    treeItem.id = `${uri.toString()}#${item.id}`;
    treeItem.description = item.description;
    treeItem.tooltip = item.tooltip;
    treeItem.contextValue = item.contextValue;
    treeItem.iconPath = new vscode.ThemeIcon(item.icon.id, item.icon.color ? new vscode.ThemeColor(item.icon.color) : undefined);
    const range = item.node?.range;
    if (range) {
      const args: RevealArguments = [uri.toString(), range];
      treeItem.command = { command: 'archdoc.revealSection', title: 'Reveal Section', arguments: args };
    }
    return treeItem;
  }

  /** The document and range of a present section's item, as its inline actions receive it. */
  static sectionLocation(node: unknown): RevealArguments | undefined {
    if (typeof node !== 'object' || node === null || !('item' in node) || !('uri' in node)) return undefined;
    const { item, uri } = node as Node;
    return item.node?.range ? [uri.toString(), item.node.range] : undefined;
  }

  /** The insert target for a missing section's item, as the inline action receives it. */
  static insertTarget(node: unknown): InsertSectionTarget | undefined {
    if (typeof node !== 'object' || node === null || !('item' in node) || !('uri' in node)) return undefined;
    const { item, uri } = node as Node;
    return { uri, sectionId: item.sectionId, title: item.label };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The tree view, titled with the template the document follows. */
export function createOutlineView(tree: OutlineTreeProvider, tracker: OutlineTracker): vscode.Disposable {
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const subscription = tracker.onDidChange((outline) => {
    const template = outline?.result.template;
    view.description = template ? templateName(template) : undefined;
  });
  return vscode.Disposable.from(subscription, view);
}

/** Present sections open, so their state is seen at a glance; a missing one stays closed, its subsections being missing too. */
function collapsibleState(item: SectionItem): vscode.TreeItemCollapsibleState {
  if (item.children.length === 0) return vscode.TreeItemCollapsibleState.None;
  return item.state === 'missing' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
}

/** `ArchDoc 11/15 written · 7 placeholders` while an architecture document is active; a click opens the view. */
export class OutlineStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('archdoc.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(tracker: OutlineTracker) {
    this.item.name = 'ArchDoc';
    this.subscription = tracker.onDidChange((outline) => this.update(outline));
    this.update(tracker.outline);
  }

  private update(outline: TrackedOutline | undefined): void {
    if (!outline) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(outline.result);
    // Ignored in Restricted Mode, the one thing to do is trust the workspace; otherwise a click shows the sections.
    this.item.command = outline.result.ignoredTemplate !== undefined ? 'workbench.trust.manage' : `${VIEW_ID}.focus`;
    this.item.tooltip = statusTooltip(outline.result);
    this.item.backgroundColor = outline.result.error === undefined ? undefined : new vscode.ThemeColor('statusBarItem.errorBackground');
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

/**
 * `archdoc.fixSection`: puts the cursor on a section's heading and opens the quick fix menu
 * there, where the server offers what the section's state calls for (moving an out-of-order
 * section to its template position). The user chooses; nothing changes unasked.
 */
export async function fixSection(location: RevealArguments | undefined): Promise<void> {
  if (!location) return;
  await revealSection(...location);
  await vscode.commands.executeCommand('editor.action.quickFix');
}

/** Shows a section: the `archdoc.revealSection` command. */
export async function revealSection(uri: string, range: ProtocolRange): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const start = new vscode.Position(range.start.line, range.start.character);
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(start, start), preserveFocus: false });
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.AtTop);
}
