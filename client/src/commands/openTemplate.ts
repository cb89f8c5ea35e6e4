/**
 * "ArchDoc: Open Template" (`archdoc.openTemplate`): shows the template the active document
 * is checked against. A bundled template opens read-only, from a virtual document, since
 * editing the installed extension's copy would be lost on update and affect every workspace.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TemplatesRequest, type TemplateRef, type TemplatesResult } from '../../../server/src/protocol.ts';
import { bundledTemplateUri, templateDocumentUri } from '../templateRefs.ts';
import type { OutlineTracker } from '../views/outlineTracker.ts';

export { TEMPLATE_SCHEME } from '../templateRefs.ts';
export const BUNDLED_TEMPLATE_URI = bundledTemplateUri('architecture');

/**
 * Serves a bundled template's text to the read-only editor: `/Bundled Template/<name>.md` is
 * `<name>.md` in the extension's template folder, or the template whose id is `<name>`.
 */
export class BundledTemplateProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly templateFolder: vscode.Uri) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    // The tab says it is a template: `ARCHITECTURE (template).md` is `ARCHITECTURE.md`.
    const name = (uri.path.split('/').pop() ?? '').replace(/ \(template\)\.md$/, '.md');
    const direct = vscode.Uri.joinPath(this.templateFolder, name);
    const file = (await exists(direct)) ? direct : await this.byId(name.replace(/\.md$/, ''));
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  }

  /** The markdown beside the sidecar that names `id`. */
  private async byId(id: string): Promise<vscode.Uri> {
    for (const [name] of await vscode.workspace.fs.readDirectory(this.templateFolder)) {
      if (!name.endsWith('.json')) continue;
      const sidecar = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.templateFolder, name)))) as { id?: unknown };
      if (sidecar.id === id) return vscode.Uri.joinPath(this.templateFolder, name.replace(/\.json$/, '.md'));
    }
    throw new Error(`There is no bundled template "${id}".`);
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function openTemplate(client: BaseLanguageClient, tracker: OutlineTracker): Promise<vscode.Uri | undefined> {
  const outline = await tracker.settled();
  const template = outline?.result.template ?? (await pickConfigured(client));
  if (!template) return undefined;
  const uri = templateDocumentUri(template);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true });
  return uri;
}

/** With no architecture document active: the workspace's templates, picked when there are several. */
async function pickConfigured(client: BaseLanguageClient): Promise<TemplateRef | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return { kind: 'bundled', id: 'architecture' };
  await client.start();
  const { templates } = await client.sendRequest<TemplatesResult>(TemplatesRequest, { uri: client.code2ProtocolConverter.asUri(folder) });
  if (templates.length <= 1) return templates[0]?.template ?? { kind: 'bundled', id: 'architecture' };
  const picked = await vscode.window.showQuickPick(
    templates.map((info) => ({ label: info.label, description: info.template.kind === 'file' ? vscode.Uri.parse(info.template.uri).fsPath : '', template: info.template })),
    { title: 'Open Template', placeHolder: 'Which template?' },
  );
  return picked?.template;
}
