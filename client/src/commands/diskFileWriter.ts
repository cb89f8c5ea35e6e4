/**
 * The desktop's writer: files on a local disk are created atomically and exclusively and
 * checked for symbolic links leading out of the folder; other schemes go through `workspace.fs`.
 */
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { createThroughWorkspace, type NewFileWriter } from './fileWriter.ts';
import { createNewFile, staysInside } from './newFile.ts';

export const diskFileWriter: NewFileWriter = {
  escapes: async (folder, target) => folder.scheme === 'file' && !(await staysInside(folder.fsPath, target.fsPath)),
  create: (uri: vscode.Uri, text: string) => (uri.scheme === 'file' ? createNewFile(uri.fsPath, text) : createThroughWorkspace(uri, text)),
  untitledFolder: () => vscode.Uri.file(homedir()),
};
