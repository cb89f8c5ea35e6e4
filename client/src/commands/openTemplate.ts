/**
 * "ArchDoc: Open Template" (`archdoc.openTemplate`): shows the template the active document
 * is checked against. The bundled template opens read-only, from a virtual document, since
 * editing the installed extension's copy would be lost on update and affect every workspace.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TemplatesRequest, type TemplateInfo, type TemplatesResult } from '../../../server/src/protocol.ts';
import type { OutlineTracker } from '../views/outlineTracker.ts';

/** The scheme of the read-only bundled template; the language client's selector leaves it out. */
export const TEMPLATE_SCHEME = 'archdoc-template';
export const BUNDLED_TEMPLATE_URI = vscode.Uri.from({ scheme: TEMPLATE_SCHEME, path: '/Bundled Template/ARCHITECTURE.md' });

/** Serves the bundled template's text to the read-only editor. */
export class BundledTemplateProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly templateFile: vscode.Uri) {}

  async provideTextDocumentContent(): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.templateFile));
  }
}

export async function openTemplate(client: BaseLanguageClient, tracker: OutlineTracker): Promise<vscode.Uri | undefined> {
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
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(template)) return vscode.Uri.parse(template);
  if (template.startsWith('/') || /^[a-z]:[/\\]/i.test(template)) return vscode.Uri.file(template);
  const folder = (document && vscode.workspace.getWorkspaceFolder(document)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, ...template.split(/[/\\]/)) : vscode.Uri.file(template);
}

/** With no architecture document active: the workspace's configured template, picked when there are several. */
async function pickConfigured(client: BaseLanguageClient): Promise<string | undefined> {
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
