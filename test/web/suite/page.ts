/**
 * What the workbench page shows, asked of the runner's probe (../harness/probe.ts) from inside
 * the web extension host, where no API reads the status bar or a view's rendered rows.
 */
import { assert } from 'chai';
import * as vscode from 'vscode';
import { waitFor } from '../../integration/suite/helpers';

declare const __ARCHDOC_WEB_PROBE__: string;

export interface PageTexts {
  /** Whether an item matching the pattern appeared before the deadline. */
  readonly matched: boolean;
  readonly texts: readonly string[];
}

async function ask(route: string, params: Record<string, string>, match: RegExp, timeoutMs: number): Promise<PageTexts> {
  const query = new URLSearchParams({ ...params, match: match.source, timeout: String(timeoutMs) });
  const response = await fetch(`${__ARCHDOC_WEB_PROBE__}${route}?${query.toString()}`);
  const body = (await response.json()) as PageTexts & { error?: string };
  if (!response.ok) throw new Error(`the probe could not read the page: ${body.error ?? response.status}`);
  return body;
}

/** The status bar items' texts, once one matches `match` or the deadline passes. */
export function statusBar(match: RegExp, timeoutMs = 10_000): Promise<PageTexts> {
  return ask('/status-bar', {}, match, timeoutMs);
}

/** The rendered rows of the side bar view titled `title`, once one matches `match` or the deadline passes. */
export function viewRows(title: string, match: RegExp, timeoutMs = 10_000): Promise<PageTexts> {
  return ask('/view', { title }, match, timeoutMs);
}

/** The suggest widget's rows, once the focused one matches `match` or the deadline passes. */
export function suggestions(match: RegExp, timeoutMs = 10_000): Promise<PageTexts> {
  return ask('/suggest', {}, match, timeoutMs);
}

/**
 * The messages in the notification centre, where every notification of the session stays,
 * once one matches `match` or the deadline passes. The centre is opened first.
 */
export async function notifications(match: RegExp, timeoutMs = 10_000): Promise<PageTexts> {
  await vscode.commands.executeCommand('notifications.showList');
  return ask('/notifications', {}, match, timeoutMs);
}

/**
 * Accepts the suggestion labelled `label` as a user does: the suggest widget opened at the end
 * of the document, that row focused, accepted as Enter accepts it. Returns the text after the insertion.
 */
export async function acceptAtEnd(editor: vscode.TextEditor, label: string): Promise<string> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  const before = editor.document.version;
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
  const shown = await suggestions(new RegExp(label));
  assert.isTrue(shown.matched, `the suggest widget focuses ${label}; it shows: ${shown.texts.join(' | ')}`);
  await vscode.commands.executeCommand('acceptSelectedSuggestion');
  await waitFor(`${label} to be inserted`, vscode.workspace.onDidChangeTextDocument, () => (editor.document.version > before ? true : undefined));
  return editor.document.getText();
}
