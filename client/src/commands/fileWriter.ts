/**
 * How New Architecture Doc creates its file, without ever replacing one. Through
 * `workspace.fs` (a workspace edit that refuses to overwrite) on every file system; the
 * desktop extension adds an atomic, exclusive write for files on a local disk.
 */
import * as vscode from 'vscode';

export interface NewFileWriter {
  /** Whether `target` would leave `folder` once symbolic links are followed. */
  escapes(folder: vscode.Uri, target: vscode.Uri): Promise<boolean>;
  /** Creates `uri` with `text`; `exists`, writing nothing, when anything is already there. */
  create(uri: vscode.Uri, text: string): Promise<'created' | 'exists'>;
  /**
   * With no folder open, the folder an untitled scaffold is named in, so that Save writes it
   * there and Save As proposes it (the user's home on the desktop); undefined where there is
   * none, and the untitled document then has a name but no folder.
   */
  untitledFolder?(): vscode.Uri | undefined;
}

/** Creates the file through a workspace edit that fails when the file exists. */
export async function createThroughWorkspace(uri: vscode.Uri, text: string): Promise<'created' | 'exists'> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  return (await vscode.workspace.applyEdit(edit)) ? 'created' : 'exists';
}

/** For file systems reached only through `workspace.fs`, as in the browser: no links to follow there. */
export const workspaceFileWriter: NewFileWriter = {
  escapes: () => Promise.resolve(false),
  create: createThroughWorkspace,
};
