/**
 * "ArchDoc: Open Template" (`archdoc.openTemplate`): shows the template the active document
 * is checked against. The bundled template opens read-only, from a virtual document, since
 * editing the installed extension's copy would be lost on update and affect every workspace.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TemplatesRequest, type TemplateInfo, type TemplatesResult } from '../../../server/src/protocol.ts';
import type { OutlineTracker } from '../views/outlineTracker.ts';

/** The scheme of the read-only bundled template; the language client's selector leaves it out. */
export const TEMPLATE_SCHEME = 'archdoc-template';
/** The tab reads as the template it is, not as a second `ARCHITECTURE.md`; content from a provider is read-only. */
export const BUNDLED_TEMPLATE_URI = vscode.Uri.from({ scheme: TEMPLATE_SCHEME, path: '/Bundled template (ARCHITECTURE.md).md' });

/**
 * Serves the bundled template as a read-only file system of one file: the editor says it is
 * read-only and edits to it are refused, in the editor and through workspace edits alike.
 * Register it with `{ isReadonly: true }`.
 */
export class BundledTemplateProvider implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly templateFile: vscode.Uri) {}

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path !== BUNDLED_TEMPLATE_URI.path) throw vscode.FileSystemError.FileNotFound(uri);
    const stat = await vscode.workspace.fs.stat(this.templateFile);
    return { ...stat, type: vscode.FileType.File, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    if (uri.path !== BUNDLED_TEMPLATE_URI.path) throw vscode.FileSystemError.FileNotFound(uri);
    return vscode.workspace.fs.readFile(this.templateFile);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [[BUNDLED_TEMPLATE_URI.path.slice(1), vscode.FileType.File]];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

export async function openTemplate(client: LanguageClient, tracker: OutlineTracker): Promise<vscode.Uri | undefined> {
  const outline = await tracker.settled();
  const template = outline?.result.template ?? (await pickConfigured(client));
  if (template === undefined) return undefined;
  const uri = templateUri(template, outline?.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true });
  return uri;
}

/** A template path as the server names it: `bundled`, absolute, or relative to the document's workspace folder. */
function templateUri(template: string, document: vscode.Uri | undefined): vscode.Uri {
  if (template === 'bundled') return BUNDLED_TEMPLATE_URI;
  if (path.isAbsolute(template)) return vscode.Uri.file(template);
  const folder = (document && vscode.workspace.getWorkspaceFolder(document)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, ...template.split(/[/\\]/)) : vscode.Uri.file(path.resolve(template));
}

/** With no architecture document active: the workspace's configured template, picked when there are several. */
async function pickConfigured(client: LanguageClient): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return 'bundled';
  await client.start();
  const { templates } = await client.sendRequest<TemplatesResult>(TemplatesRequest, { uri: client.code2ProtocolConverter.asUri(folder) });
  if (templates.length <= 1) return templates[0]?.path ?? 'bundled';
  const picked = await vscode.window.showQuickPick(
    templates.map((template: TemplateInfo) => ({ label: template.label, description: template.path, path: template.path })),
    { title: 'Open Template', placeHolder: 'Which template?' },
  );
  return picked?.path;
}
