/**
 * "Add Missing Sections" and the view's "Insert Section": both apply the language server's
 * own quick fixes, so the inserted text, its position and its skeleton come from the
 * template in one place, exactly as the lightbulb would insert them.
 */
import * as vscode from 'vscode';
import { codeOf, pickInsertAllAction, pickInsertSectionAction } from './codeActionPick.ts';
import type { InsertSectionTarget } from '../views/outlineView.ts';

/** How many offered actions VS Code resolves (fills in lazy edits) before returning them. */
const RESOLVE_COUNT = 100;

/**
 * The code actions offered for `range`. VS Code cancels such a request when the document
 * changes while it runs (another extension formatting, the user typing); the request is
 * then simply asked again against the new text.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind, attempts = 3): Promise<vscode.CodeAction[]> {
  try {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      kind.value,
      RESOLVE_COUNT,
    );
    return (actions ?? []).filter((action): action is vscode.CodeAction => !('command' in action && typeof action.command === 'string'));
  } catch (error) {
    if (attempts > 1 && error instanceof Error && error.name === 'Canceled') return codeActions(uri, range, kind, attempts - 1);
    throw error;
  }
}

async function apply(action: vscode.CodeAction): Promise<boolean> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) return false;
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return true;
}

function missingSectionDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === 'missing-section');
}

/** Finds a template section's title by its id, for the document at `uri`. */
export type SectionTitles = (uri: vscode.Uri, sectionId: string) => string | undefined;

/**
 * With a single section missing there is no insert-all fix, only that section's: found by
 * the section's title, known from the outline by the id in the diagnostic's data, or else
 * read from the quotes of the diagnostic's message.
 */
function onlyInsertAction(actions: vscode.CodeAction[], diagnostic: vscode.Diagnostic, uri: vscode.Uri, titles: SectionTitles): vscode.CodeAction | undefined {
  const id = sectionIdOf(diagnostic);
  const title = (id === undefined ? undefined : titles(uri, id)) ?? /"#*\s*([^"#\s][^"]*)"/.exec(diagnostic.message)?.[1] ?? '';
  return pickInsertSectionAction(actions, title);
}

function sectionIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const data = (diagnostic as { data?: unknown }).data;
  return typeof data === 'object' && data !== null && 'sectionId' in data && typeof data.sectionId === 'string' ? data.sectionId : undefined;
}

/** Every section a missing-section diagnostic names: one per parent names all missing there. */
function sectionIdsOf(diagnostic: vscode.Diagnostic): string[] {
  const data = (diagnostic as { data?: unknown }).data;
  if (typeof data === 'object' && data !== null && 'sections' in data && Array.isArray(data.sections)) {
    return data.sections.flatMap((s: unknown) => (typeof s === 'object' && s !== null && 'sectionId' in s && typeof s.sectionId === 'string' ? [s.sectionId] : []));
  }
  const id = sectionIdOf(diagnostic);
  return id === undefined ? [] : [id];
}

/** The markdown document a command acts on: the argument, else the active editor's. */
async function targetDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document : undefined;
}

/**
 * `archdoc.addMissingSections`: inserts every required section the document lacks, each at
 * its template position with its skeleton. Resolves to whether anything was inserted.
 */
export async function addMissingSections(uri: vscode.Uri | undefined, titles: SectionTitles): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) {
    void vscode.window.showInformationMessage('Open an architecture document to add its missing sections.');
    return false;
  }
  const missing = missingSectionDiagnostics(document.uri);
  if (missing.length === 0) {
    void vscode.window.showInformationMessage('No required section is missing.');
    return false;
  }
  // The server attaches "insert all" to each missing-section diagnostic, so one of them is enough to ask about.
  const actions = await codeActions(document.uri, missing[0]!.range, vscode.CodeActionKind.QuickFix);
  const action = pickInsertAllAction(actions) ?? (missing.length === 1 ? onlyInsertAction(actions, missing[0]!, document.uri, titles) : undefined);
  if (!action) {
    void vscode.window.showWarningMessage('The ArchDoc server offered no fix for the missing sections. See the ArchDoc output for details.');
    return false;
  }
  return apply(action);
}

/** `archdoc.insertSection`: inserts one missing section, from the Architecture view's inline action. */
export async function insertSection(target: InsertSectionTarget | undefined): Promise<boolean> {
  if (!target) return false;
  const document = await vscode.workspace.openTextDocument(target.uri);
  const diagnostic = missingSectionDiagnostics(document.uri).find((candidate) => isAbout(candidate, target));
  const range = diagnostic?.range ?? new vscode.Range(0, 0, 0, 0);
  const actions = await codeActions(document.uri, range, vscode.CodeActionKind.QuickFix);
  const action = pickInsertSectionAction(actions, target.title);
  if (!action) {
    void vscode.window.showInformationMessage(
      diagnostic
        ? `The ArchDoc server offered no fix to insert "${target.title}".`
        : `"${target.title}" is not reported as missing (it may be optional, or the missing-section check is off), so there is no fix to insert it.`,
    );
    return false;
  }
  const applied = await apply(action);
  if (applied) await vscode.window.showTextDocument(document, { preserveFocus: false });
  return applied;
}

/** Whether a missing-section diagnostic concerns the target section: by its data, else by its message. */
function isAbout(diagnostic: vscode.Diagnostic, target: InsertSectionTarget): boolean {
  const ids = sectionIdsOf(diagnostic);
  if (ids.length) return ids.includes(target.sectionId);
  const title = target.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`"(#+ )?${title}"`, 'i').test(diagnostic.message);
}
