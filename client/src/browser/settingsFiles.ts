/**
 * Restricted Mode's settings reader in a browser. The notice that a workspace's template is
 * ignored needs the workspace's own settings files (see ../restrictedMode.ts), and the
 * initialization options that carry them are computed synchronously, while a browser can
 * read files only through `workspace.fs`, asynchronously. So the files are read ahead, before
 * the language client starts, and again whenever they may have changed; the reader answers
 * from the last reading. A trusted workspace needs none of them, so none are read there.
 */
import * as vscode from 'vscode';
import { settingsFiles, type SettingsReader } from '../restrictedMode.ts';

export class SettingsFileCache implements vscode.Disposable {
  private texts = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    const refresh = () => void this.refresh();
    this.subscriptions = [
      vscode.workspace.onDidChangeWorkspaceFolders(refresh),
      vscode.workspace.onDidChangeConfiguration(refresh),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (settingsFiles().some((uri) => uri.toString() === document.uri.toString())) refresh();
      }),
    ];
  }

  readonly read: SettingsReader = (uri) => this.texts.get(uri.toString());

  /** Reads the settings files again; a file that is missing or unreadable is left out, as on the desktop. */
  async refresh(): Promise<void> {
    if (vscode.workspace.isTrusted) {
      this.texts = new Map();
      return;
    }
    const decoder = new TextDecoder();
    const read = await Promise.all(
      settingsFiles().map(async (uri): Promise<[string, string] | undefined> => {
        try {
          return [uri.toString(), decoder.decode(await vscode.workspace.fs.readFile(uri))];
        } catch {
          return undefined;
        }
      }),
    );
    this.texts = new Map(read.filter((entry) => entry !== undefined));
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
