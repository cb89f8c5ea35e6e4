/**
 * Restricted Mode: VS Code hides the workspace's `archdoc.template` and `archdoc.templates`
 * from an untrusted workspace (they are `restrictedConfigurations`), and no API says they
 * were set. ArchDoc reads the workspace's settings files itself to find out, so that the
 * server can decline to check those folders' documents rather than check them against
 * another template, and the user is told once, with the way to trust the workspace.
 */
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';

const KEYS = ['archdoc.template', 'archdoc.templates'] as const;

/** What a settings object sets as the template: in words, and the globs when `archdoc.templates` alone sets it. */
export interface TemplateSetting {
  /** The template as written: `archdoc.template`, else the `archdoc.templates` values. */
  readonly label: string;
  /** The `archdoc.templates` globs, when no `archdoc.template` is set: only documents they cover follow it. */
  readonly globs?: readonly string[];
}

/** The template a settings object sets, or undefined when it sets none. */
export function templateSetIn(settings: unknown): TemplateSetting | undefined {
  if (typeof settings !== 'object' || settings === null) return undefined;
  const record = settings as Record<string, unknown>;
  const nested = typeof record.archdoc === 'object' && record.archdoc !== null ? (record.archdoc as Record<string, unknown>) : {};
  const template = record[KEYS[0]] ?? nested.template;
  if (typeof template === 'string' && template.trim() !== '') return { label: template };
  const templates = record[KEYS[1]] ?? nested.templates;
  if (typeof templates === 'object' && templates !== null) {
    const entries = Object.entries(templates).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '');
    if (entries.length > 0) return { label: entries.map(([, value]) => value).join(', '), globs: entries.map(([glob]) => glob) };
  }
  return undefined;
}

/**
 * Reads a settings file's text at once (the initialization options are computed synchronously);
 * undefined when there is none or it cannot be read. The desktop reads local files; a browser
 * host, where nothing can be read synchronously, reads `settingsFiles()` ahead through
 * `workspace.fs` and answers from what it read.
 */
export type SettingsReader = (uri: vscode.Uri) => string | undefined;

/** Per workspace folder URI, what the untrusted workspace's settings set as the template, as the server takes it. */
export interface IgnoredTemplates {
  readonly templates: Record<string, string>;
  readonly globs: Record<string, readonly string[]>;
}

/** The templates an untrusted workspace's settings set, per folder; none when trusted. */
export function ignoredTemplates(read: SettingsReader): IgnoredTemplates {
  const ignored: IgnoredTemplates = { templates: {}, globs: {} };
  if (vscode.workspace.isTrusted) return ignored;
  const readSettings = (uri: vscode.Uri | undefined): unknown => {
    const text = uri ? read(uri) : undefined;
    return text === undefined ? undefined : parse(text);
  };
  const workspaceFile = readSettings(vscode.workspace.workspaceFile) as { settings?: unknown } | undefined;
  const fromWorkspace = templateSetIn(workspaceFile?.settings);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const template = templateSetIn(readSettings(folderSettingsFile(folder))) ?? fromWorkspace;
    if (template === undefined) continue;
    ignored.templates[folder.uri.toString()] = template.label;
    if (template.globs) ignored.globs[folder.uri.toString()] = template.globs;
  }
  return ignored;
}

/** The settings files `ignoredTemplates` reads: the workspace file, if any, and each folder's `.vscode/settings.json`. */
export function settingsFiles(): vscode.Uri[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).map(folderSettingsFile);
  return vscode.workspace.workspaceFile ? [vscode.workspace.workspaceFile, ...folders] : folders;
}

function folderSettingsFile(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
}

/** Says once per session that a template is ignored, with the action that lifts it. */
export class RestrictedModeNotice {
  private said = false;

  show(template: string): void {
    if (this.said) return;
    this.said = true;
    const message = `ArchDoc: Restricted Mode ignores this workspace's template (${template}). Trust the workspace to check its architecture documents against it.`;
    void vscode.window.showWarningMessage(message, 'Manage Workspace Trust').then((choice) => {
      if (choice === 'Manage Workspace Trust') void vscode.commands.executeCommand('workbench.trust.manage');
    });
  }
}
