/** How the client names and opens a template reference from the server. */
import * as vscode from 'vscode';
import type { TemplateRef } from '../../server/src/protocol.ts';

/** The scheme of the read-only bundled templates; the language client's selector leaves it out. */
export const TEMPLATE_SCHEME = 'archdoc-template';

/** A short name for views and the status bar. */
export function templateName(ref: TemplateRef): string {
  if (ref.kind === 'bundled') return ref.id === 'architecture' ? 'bundled template' : `bundled template "${ref.id}"`;
  return vscode.Uri.parse(ref.uri).path.split('/').pop() ?? ref.uri;
}

/** The read-only document of a bundled template: `archdoc-template:/Bundled Template/<id>.md`. */
export function bundledTemplateUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: TEMPLATE_SCHEME, path: `/Bundled Template/${id === 'architecture' ? 'ARCHITECTURE' : id}.md` });
}

/** Where a reference's text is opened: the read-only bundled document, or the template file. */
export function templateDocumentUri(ref: TemplateRef): vscode.Uri {
  return ref.kind === 'bundled' ? bundledTemplateUri(ref.id) : vscode.Uri.parse(ref.uri);
}
