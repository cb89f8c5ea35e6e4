/**
 * What the language client tells the server and which documents it shows it; the same for
 * the desktop client (a Node process) and the browser client (a Web Worker).
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions, Middleware } from 'vscode-languageclient';
import { TEMPLATE_SCHEME } from './commands/openTemplate.ts';
import type { IgnoredTemplates } from './restrictedMode.ts';

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
  /** VS Code's markdown support lists headings itself: the server's heading symbols would list each twice. */
  readonly documentSymbols: false;
  /** Per folder URI, the template the untrusted workspace's settings name; its documents are then not checked. */
  readonly ignoredTemplates: Record<string, string>;
  /** Per folder URI, the `archdoc.templates` globs when they alone set it: only the documents they cover are left unchecked. */
  readonly ignoredTemplateGlobs: Record<string, readonly string[]>;
}

/** What the extension adds to every client: diagnostics that follow the open tabs, and the trace channel. */
export interface ClientExtras {
  readonly middleware: Middleware;
  readonly trace: vscode.LogOutputChannel;
  /** The templates Restricted Mode ignores, per folder URI. */
  readonly ignoredTemplates: () => IgnoredTemplates;
}

export function clientOptions(outputChannel: vscode.LogOutputChannel, extras: ClientExtras): LanguageClientOptions {
  return {
    documentSelector: documentSelector(),
    outputChannel,
    traceOutputChannel: extras.trace,
    middleware: extras.middleware,
    // Template files are watched at the server's request (dynamic registration), for exactly the templates in use.
    synchronize: { configurationSection: 'archdoc' },
    // A function, so that a restart after trust is granted tells the server the new state.
    initializationOptions: (): InitializationOptions => {
      const ignored = extras.ignoredTemplates();
      return { trusted: vscode.workspace.isTrusted, documentSymbols: false, ignoredTemplates: ignored.templates, ignoredTemplateGlobs: ignored.globs };
    },
    // The default error handler restarts a crashed server (up to 4 times in 3 minutes); on
    // restart the client reopens every document, so the server publishes diagnostics again.
    connectionOptions: { maxRestartCount: 4 },
  };
}
