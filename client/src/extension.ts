/**
 * The desktop ArchDoc extension: the language server runs as a Node process and new
 * documents on a local disk are written atomically. Everything else is shared with the
 * browser extension (activate.ts).
 */
import { readFileSync } from 'node:fs';
import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { activateArchdoc } from './activate.ts';
import { diskFileWriter } from './commands/diskFileWriter.ts';
import { createLanguageClient } from './languageClient.ts';

export type { NewDocumentArgs, NewDocumentResult } from './commands/newDocument.ts';
export type { ViewItemSnapshot } from './views/outlineView.ts';

let client: BaseLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  client = activateArchdoc(context, { createClient: createLanguageClient, writer: diskFileWriter, readSettingsFile });
}

/** A local settings file's text; undefined when there is none, it is not local, or it cannot be read. */
function readSettingsFile(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file') return undefined;
  try {
    return readFileSync(uri.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
