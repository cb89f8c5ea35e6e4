/**
 * "ArchDoc: New Architecture Doc" (`archdoc.newDocument`): asks for the project name, the
 * target and (when several are configured) the template, has the language server render the
 * document, writes it without ever replacing a file, and opens it on its first placeholder.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  RenderRequest,
  TemplatesRequest,
  type RenderParams,
  type RenderResult,
  type TemplateInfo,
  type TemplateRef,
  type TemplatesResult,
} from '../../../server/src/protocol.ts';
import type { NewFileWriter } from './fileWriter.ts';
import { firstPlaceholder, localIsoDate, resolveTarget, suggestAlternative, validateProjectName } from './scaffoldInput.ts';

/**
 * Optional arguments of `archdoc.newDocument`. With `name` and `target` given the command
 * asks nothing (except to pick a template when several are configured and `template` is
 * unset), which is how tests and other extensions call it:
 *
 * ```ts
 * await vscode.commands.executeCommand('archdoc.newDocument', { name: 'Billing', target: 'docs/ARCHITECTURE.md' });
 * ```
 *
 * From the explorer's context menu the command receives the folder's `Uri` instead.
 */
export interface NewDocumentArgs {
  /** The project name, inserted verbatim for `[Project Name]`. */
  readonly name?: string;
  /** The folder the target is relative to; defaults to the active document's workspace folder, else the first. */
  readonly folder?: vscode.Uri;
  /** The file to create, relative to `folder`, such as `ARCHITECTURE.md` or `docs/ARCHITECTURE.md`. */
  readonly target?: string;
  /** A template from `archdoc/templates`, by its label, its bundled id or its file's path. */
  readonly template?: string;
  /**
   * The folder the user clicked in the Explorer, relative to `folder` (`docs`): the document
   * is offered there first, and the project is still named after the workspace folder.
   */
  readonly directory?: string;
}

/**
 * What `archdoc.newDocument` resolved to:
 * - `created`: the file was written and opened;
 * - `untitled`: no folder is open, so an untitled document holds the text;
 * - `exists`: the target exists and nothing was written (with `name` and `target` given, the
 *   command does not ask what to do and leaves the file as it is);
 * - `opened-existing`: the target existed and the user chose to open it;
 * - `invalid`: an argument was refused (`message` says why), nothing was written;
 * - `cancelled`: the user dismissed a prompt;
 * - `failed`: the server or the file system failed (`message` says how).
 */
export interface NewDocumentResult {
  readonly status: 'created' | 'untitled' | 'exists' | 'opened-existing' | 'invalid' | 'cancelled' | 'failed';
  /** The document created or opened. */
  readonly uri?: string;
  readonly message?: string;
}

const DEFAULT_TARGET = 'ARCHITECTURE.md';
const DOCS_TARGET = 'docs/ARCHITECTURE.md';

class Cancelled extends Error {}

/** Whether `wanted` names the reference: a bundled id, or the file's path (absolute, or its tail). */
function matchesRef(ref: TemplateRef, wanted: string): boolean {
  if (ref.kind === 'bundled') return ref.id === wanted;
  const file = vscode.Uri.parse(ref.uri);
  return file.fsPath === wanted || file.path.endsWith(`/${wanted.replace(/\\/g, '/').replace(/^\.\//, '')}`);
}

function orCancel<T>(value: T | undefined): T {
  if (value === undefined) throw new Cancelled();
  return value;
}

function asArgs(input: unknown): NewDocumentArgs {
  if (input instanceof vscode.Uri) return explorerArgs(input);
  if (typeof input !== 'object' || input === null) return {};
  const { name, folder, target, template } = input as Record<string, unknown>;
  return {
    name: typeof name === 'string' ? name : undefined,
    folder: folder instanceof vscode.Uri ? folder : typeof folder === 'string' ? vscode.Uri.parse(folder) : undefined,
    target: typeof target === 'string' ? target : undefined,
    template: typeof template === 'string' ? template : undefined,
  };
}

export class NewDocumentCommand {
  constructor(
    private readonly client: BaseLanguageClient,
    private readonly writer: NewFileWriter,
  ) {}

  async run(input?: unknown): Promise<NewDocumentResult> {
    const args = asArgs(input);
    try {
      return await this.scaffold(args);
    } catch (error) {
      if (error instanceof Cancelled) return { status: 'cancelled' };
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`ArchDoc could not create the document: ${message}`);
      return { status: 'failed', message };
    }
  }

  private async scaffold(args: NewDocumentArgs): Promise<NewDocumentResult> {
    const folder = args.folder ?? defaultFolder();
    const name = await this.askName(args, folder);
    if (typeof name !== 'string') return name;
    await this.client.start();
    if (!folder) return this.untitled(name);
    const template = await this.askTemplate(folder, args.template);
    let target = args.target ?? (await askTarget(folder, args.directory));
    for (;;) {
      const resolved = resolveTarget(target);
      if (!resolved.ok) return refuse(resolved.reason, args);
      const uri = vscode.Uri.joinPath(folder, ...resolved.segments);
      if (await this.writer.escapes(folder, uri)) {
        return refuse(`${resolved.relativePath} leads outside ${folder.fsPath} through a symbolic link.`, args);
      }
      const text = (await exists(uri)) ? undefined : await this.render(uri, name, template);
      if (text !== undefined && (await this.writer.create(uri, text)) === 'created') return open(uri, text);
      if (args.name !== undefined && args.target !== undefined) {
        void vscode.window.showWarningMessage(`${resolved.relativePath} already exists; ArchDoc left it unchanged.`);
        return { status: 'exists', uri: uri.toString() };
      }
      const choice = await vscode.window.showWarningMessage(
        `${resolved.relativePath} already exists. ArchDoc never overwrites a file.`,
        { modal: true },
        'Open Existing',
        'Choose Another Name',
      );
      if (choice === 'Open Existing') {
        await vscode.window.showTextDocument(uri);
        return { status: 'opened-existing', uri: uri.toString() };
      }
      if (choice !== 'Choose Another Name') return { status: 'cancelled' };
      target = await askOtherTarget(folder, await alternativeFor(folder, resolved.relativePath));
    }
  }

  /** The validated name, or the result to return when it was refused. */
  private async askName(args: NewDocumentArgs, folder: vscode.Uri | undefined): Promise<string | NewDocumentResult> {
    if (args.name !== undefined) {
      const problem = validateProjectName(args.name);
      return problem === undefined ? args.name : refuse(problem, args);
    }
    return orCancel(
      await vscode.window.showInputBox({
        title: 'New Architecture Doc',
        prompt: 'The project name, written into the document as it is typed.',
        placeHolder: 'Project name',
        value: folder ? basename(folder) : '',
        validateInput: validateProjectName,
        ignoreFocusOut: true,
      }),
    );
  }

  /**
   * The template to render from: the one asked for, or the user's pick among several.
   * Undefined leaves the choice to the server, which follows the settings for the target.
   */
  private async askTemplate(folder: vscode.Uri, wanted: string | undefined): Promise<TemplateInfo | undefined> {
    const uri = this.client.code2ProtocolConverter.asUri(folder);
    const { templates } = await this.client.sendRequest<TemplatesResult>(TemplatesRequest, { uri });
    if (wanted !== undefined) {
      const found = templates.find((info) => info.label === wanted || matchesRef(info.template, wanted));
      if (!found) throw new Error(`No configured template is named ${wanted}.`);
      return found;
    }
    if (templates.length <= 1) return undefined;
    const picked = await vscode.window.showQuickPick(
      templates.map((info) => ({ label: info.label, description: info.template.kind === 'file' ? vscode.Uri.parse(info.template.uri).fsPath : '', template: info })),
      { title: 'New Architecture Doc: template', placeHolder: 'Which template should the document follow?', ignoreFocusOut: true },
    );
    return orCancel(picked).template;
  }

  private async render(target: vscode.Uri, name: string, template: TemplateInfo | undefined): Promise<string> {
    const params: RenderParams = {
      uri: this.client.code2ProtocolConverter.asUri(target),
      name,
      date: localIsoDate(),
      ...(template ? { template: template.template } : {}),
    };
    const result = await this.client.sendRequest<RenderResult>(RenderRequest, params);
    return result.text;
  }

  /**
   * With no folder open there is nowhere to write yet: the text goes to an untitled
   * `ARCHITECTURE.md` in the host's untitled folder (the home folder on the desktop), where
   * Save writes it and which Save As proposes; never a file that exists. A name that is not
   * recognised (`ARCHITECTURE-2.md`) gets the `<!-- archdoc -->` marker from the server, so
   * the document stays an architecture document under whatever name it is saved.
   */
  private async untitled(name: string): Promise<NewDocumentResult> {
    const uri = await freeUntitledUri(this.writer.untitledFolder?.());
    const text = await this.render(uri, name, undefined);
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the untitled document could not be written');
    if (document.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await showAtFirstPlaceholder(document, text);
    return { status: 'untitled', uri: document.uri.toString() };
  }
}

/**
 * An untitled `ARCHITECTURE.md` (`ARCHITECTURE-2.md` and so on) that is not open and, in
 * `folder`, names no file that exists: VS Code refuses to open one that does.
 */
async function freeUntitledUri(folder: vscode.Uri | undefined): Promise<vscode.Uri> {
  const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? DEFAULT_TARGET : `ARCHITECTURE-${n}.md`;
    const file = folder ? vscode.Uri.joinPath(folder, name) : undefined;
    const uri = file ? file.with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
    if (!open.has(uri.toString()) && !(file && (await exists(file)))) return uri;
  }
}

/**
 * From the Explorer's context menu: the document goes in the clicked folder, relative to its
 * workspace folder, so `docs/` gives `docs/ARCHITECTURE.md` and the project keeps the
 * workspace folder's name. A folder outside every workspace folder is the base itself.
 */
function explorerArgs(clicked: vscode.Uri): NewDocumentArgs {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(clicked);
  if (!workspaceFolder) return { folder: clicked };
  const root = workspaceFolder.uri.path.endsWith('/') ? workspaceFolder.uri.path.slice(0, -1) : workspaceFolder.uri.path;
  const inside = clicked.path.startsWith(`${root}/`) ? clicked.path.slice(root.length + 1) : '';
  const directory = inside.endsWith('/') ? inside.slice(0, -1) : inside;
  return { folder: workspaceFolder.uri, directory: directory === '' ? undefined : directory };
}

/** The workspace folder of the active document, else the first; undefined with no folder open. */
function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri;
}

function refuse(reason: string, args: NewDocumentArgs): NewDocumentResult {
  if (args.name === undefined || args.target === undefined) void vscode.window.showErrorMessage(reason);
  return { status: 'invalid', message: reason };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

async function open(uri: vscode.Uri, text: string): Promise<NewDocumentResult> {
  const document = await vscode.workspace.openTextDocument(uri);
  await showAtFirstPlaceholder(document, text);
  return { status: 'created', uri: uri.toString() };
}

/** Opens the document with the first placeholder selected, so that typing replaces it. */
async function showAtFirstPlaceholder(document: vscode.TextDocument, text: string): Promise<void> {
  const found = firstPlaceholder(text);
  const selection = found
    ? new vscode.Selection(found.line, found.character, found.line, found.character + found.length)
    : new vscode.Selection(0, 0, 0, 0);
  const editor = await vscode.window.showTextDocument(document, { selection });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

interface TargetItem extends vscode.QuickPickItem {
  readonly target?: string;
}

/**
 * The target picker: the clicked folder's `ARCHITECTURE.md` first when there is one, then the
 * usual places. Names that are free come first, so Enter never picks a file that exists.
 */
async function askTarget(folder: vscode.Uri, directory: string | undefined): Promise<string> {
  const targets = [...new Set([...(directory ? [`${directory}/${DEFAULT_TARGET}`] : []), DEFAULT_TARGET, DOCS_TARGET])];
  const free: TargetItem[] = [];
  const taken: TargetItem[] = [];
  for (const target of targets) {
    const isTaken = await exists(vscode.Uri.joinPath(folder, ...target.split('/')));
    (isTaken ? taken : free).push({ label: target, description: isTaken ? 'exists: offers to open it' : '', target });
  }
  const other: TargetItem = { label: 'Other path…', description: 'relative to the folder' };
  const items = [...free, other, ...taken];
  const picked = orCancel(
    await vscode.window.showQuickPick(items, {
      title: `New Architecture Doc in ${basename(folder)}`,
      placeHolder: 'Where should the document be created?',
      ignoreFocusOut: true,
    }),
  );
  if (picked.target !== undefined) return picked.target;
  const start = free[0]?.target ?? (await alternativeFor(folder, targets[0]));
  return askOtherTarget(folder, start);
}

async function askOtherTarget(folder: vscode.Uri, value: string): Promise<string> {
  return orCancel(
    await vscode.window.showInputBox({
      title: `New Architecture Doc in ${basename(folder)}`,
      prompt: 'A markdown file path relative to the folder.',
      value,
      valueSelection: [value.lastIndexOf('/') + 1, value.lastIndexOf('.')],
      validateInput: (candidate) => {
        const resolved = resolveTarget(candidate);
        return resolved.ok ? undefined : resolved.reason;
      },
      ignoreFocusOut: true,
    }),
  );
}

/** A free name for `relativePath`, among the names recognised as architecture documents. */
async function alternativeFor(folder: vscode.Uri, relativePath: string): Promise<string> {
  // Ask with a set of names known to exist, growing until a free one is found.
  const taken = new Set<string>();
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = suggestAlternative(relativePath, (name) => taken.has(name));
    if (!(await exists(vscode.Uri.joinPath(folder, ...candidate.split('/'))))) return candidate;
    taken.add(candidate);
  }
  return suggestAlternative(relativePath, (name) => taken.has(name));
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
