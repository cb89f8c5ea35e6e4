/**
 * What the language client tells the server and which documents it shows it; the same for
 * the desktop client (a Node process) and the browser client (a Web Worker).
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { TEMPLATE_SCHEME } from './commands/openTemplate.ts';

/**
 * Markdown documents the server may see; the server itself decides which of them are
 * architecture documents (by name, by `archdoc.files`, or by an opt-in marker). Schemes are
 * listed so that the read-only bundled template (`archdoc-template:`) is never checked: local
 * files, untitled buffers, GitHub repositories (`vscode-vfs`, as in github.dev), and the
 * file systems of the open workspace folders, whatever they are.
 */
export function documentSelector(): { scheme: string; language: string }[] {
  const schemes = new Set(['file', 'untitled', 'vscode-vfs']);
  for (const folder of vscode.workspace.workspaceFolders ?? []) schemes.add(folder.uri.scheme);
  schemes.delete(TEMPLATE_SCHEME);
  return [...schemes].map((scheme) => ({ scheme, language: 'markdown' }));
}

/** The options the server receives at initialization; recomputed at every (re)start. */
export interface InitializationOptions {
  /** Whether the workspace is trusted; when it is not, the server must not follow workspace-chosen template paths. */
  readonly trusted: boolean;
}

export function clientOptions(outputChannel: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: documentSelector(),
    outputChannel,
    // Template files are watched at the server's request (dynamic registration), for exactly the templates in use.
    synchronize: { configurationSection: 'archdoc' },
    // A function, so that a restart after trust is granted tells the server the new state.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted }),
    // The default error handler restarts a crashed server (up to 4 times in 3 minutes); on
    // restart the client reopens every document, so the server publishes diagnostics again.
    connectionOptions: { maxRestartCount: 4 },
  };
}
