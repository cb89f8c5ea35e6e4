/**
 * The ArchDoc extension in VS Code for the Web (vscode.dev, github.dev): the language server
 * runs in a Web Worker (`dist/browser/server.js`) and reads files through `workspace.fs`,
 * which the client serves (../fileAccess.ts); new documents are written through `workspace.fs`,
 * and so are the settings files Restricted Mode's notice reads (settingsFiles.ts).
 * Everything else is the desktop extension's (activate.ts).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateArchdoc } from '../activate.ts';
import { clientOptions, type ClientExtras } from '../clientOptions.ts';
import { workspaceFileWriter } from '../commands/fileWriter.ts';
import { SettingsFileCache } from './settingsFiles.ts';

let client: BaseLanguageClient | undefined;

/** The part of the browser's Worker the client uses; the project's type library is Node's, not the DOM's. */
interface WebWorker {
  terminate(): void;
}
type MessagePort = ConstructorParameters<typeof BrowserMessageReader>[0];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Restricted Mode's notice reads the workspace's settings files; a browser reads them ahead, through workspace.fs.
  const settings = new SettingsFileCache();
  context.subscriptions.push(settings);
  await settings.refresh();
  client = activateArchdoc(context, { createClient: createBrowserClient, writer: workspaceFileWriter, readSettingsFile: settings.read });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createBrowserClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, extras: ClientExtras): BaseLanguageClient {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const Worker = (globalThis as unknown as { Worker: new (url: string) => WebWorker }).Worker;
  let worker: WebWorker | undefined;
  // A function, so that a restart gets a fresh worker; the stopped one is ended first. It
  // returns the transports rather than the worker: the web extension host's Worker is its
  // own wrapper, which the client's `instanceof Worker` test does not recognise.
  const startWorker = async () => {
    worker?.terminate();
    worker = new Worker(main.toString(true));
    const port = worker as unknown as MessagePort;
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  };
  const languageClient = new LanguageClient('archdoc', 'ArchDoc Language Server', startWorker, clientOptions(output, extras));
  context.subscriptions.push({ dispose: () => worker?.terminate() });
  return languageClient;
}
