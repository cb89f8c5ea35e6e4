/**
 * ArchDoc's language-model tools: agent mode in VS Code can check an architecture document,
 * read its template-aware outline and a section's guidance, and apply the safe fixes (after the
 * user confirms), all through the running language server, so the tools see exactly what the
 * editor shows and are limited the same way in a restricted workspace.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CheckRequest, OutlineRequest, SectionRequest, type CheckResult, type OutlineResult, type SectionResult } from '../../../server/src/protocol.ts';
import { hasToolApi, registerTool, textResult, type LanguageModelTool } from './api.ts';
import { templateName } from '../templateRefs.ts';

/** The kind of the fix-all source action the server offers. */
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('archdoc');
const MAX_FIX_ROUNDS = 5;

interface DocumentInput {
  /** Workspace-relative or absolute path; the active editor's document when absent. */
  readonly path?: string;
}

interface SectionInput extends DocumentInput {
  readonly section: string;
}

/** The document a tool works on: a file inside a workspace folder, or the active editor's. */
export function targetUri(input: DocumentInput): vscode.Uri {
  if (input.path === undefined || input.path === '') {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (!active) throw new Error('No path was given and no editor is active. Pass "path", e.g. "ARCHITECTURE.md".');
    return active;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const absolute = /^(\/|[A-Za-z]:[\\/])/.test(input.path);
  const uri = absolute ? vscode.Uri.file(input.path) : folder ? vscode.Uri.joinPath(folder.uri, input.path) : undefined;
  if (!uri) throw new Error(`"${input.path}" is relative, and no workspace folder is open.`);
  if (!vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`"${input.path}" is outside the workspace folders; ArchDoc's tools only work inside them.`);
  return uri;
}

function label(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function registerLanguageModelTools(client: BaseLanguageClient): vscode.Disposable[] {
  if (!hasToolApi()) return [];

  async function check(uri: vscode.Uri): Promise<CheckResult> {
    // Opening the document hands its text to the server; the request then sees that version.
    await vscode.workspace.openTextDocument(uri);
    return client.sendRequest<CheckResult>(CheckRequest, { uri: client.code2ProtocolConverter.asUri(uri) });
  }

  const checkTool: LanguageModelTool<DocumentInput> = {
    prepareInvocation: ({ input }) => ({ invocationMessage: `Checking ${input.path ?? 'the active document'} against its architecture template` }),
    async invoke({ input }) {
      const uri = targetUri(input);
      const result = await check(uri);
      if (!result.checked) return textResult(`${label(uri)} is not checked by ArchDoc: ${result.reason ?? ''}`);
      const { errors, warnings, information, hints } = result.summary;
      return textResult(`${label(uri)} against ${result.template ? templateName(result.template) : 'no template'}: ${errors} errors, ${warnings} warnings, ${information} information, ${hints} hints.`, json({ findings: result.findings, sections: result.sections }));
    },
  };

  const outlineTool: LanguageModelTool<DocumentInput> = {
    async invoke({ input }) {
      const uri = targetUri(input);
      await vscode.workspace.openTextDocument(uri);
      const result = await client.sendRequest<OutlineResult | null>(OutlineRequest, { uri: client.code2ProtocolConverter.asUri(uri) });
      if (!result) return textResult(`${label(uri)} is not an architecture document that ArchDoc checks.`);
      if (result.error) return textResult(`${label(uri)}: ${result.error}`);
      const missing: string[] = [];
      const walk = (nodes: OutlineResult['nodes']): void => {
        for (const n of nodes) {
          if (n.state === 'missing' && !n.optional) missing.push(`${'#'.repeat(n.level)} ${n.title}`);
          walk(n.children);
        }
      };
      walk(result.nodes);
      return textResult(
        `${label(uri)}: ${result.sectionsPresent} of ${result.sectionsRequired} required sections present, ${result.placeholders} placeholders left. Missing: ${missing.join(', ') || 'none'}.`,
        json(result.nodes),
      );
    },
  };

  const sectionTool: LanguageModelTool<SectionInput> = {
    async invoke({ input }) {
      const uri = input.path ? targetUri(input) : vscode.window.activeTextEditor?.document.uri;
      const params = { section: input.section, uri: uri ? client.code2ProtocolConverter.asUri(uri) : undefined };
      const result = await client.sendRequest<SectionResult>(SectionRequest, params);
      if ('error' in result) throw new Error(result.error);
      return textResult(`${'#'.repeat(result.level)} ${result.title}${result.optional ? ' (optional)' : ''} from ${templateName(result.template)}.`, `Guidance:\n${result.guidance || '(none of its own; see the subsections)'}`, `Skeleton:\n${result.skeleton}`);
    },
  };

  const fixTool: LanguageModelTool<DocumentInput> = {
    prepareInvocation: ({ input }) => ({
      invocationMessage: `Applying ArchDoc's safe fixes to ${input.path ?? 'the active document'}`,
      confirmationMessages: {
        title: 'Apply ArchDoc fixes?',
        message: new vscode.MarkdownString(
          `Apply the safe fixes to \`${input.path ?? 'the active document'}\`? They never rename, move or insert sections. The document is left unsaved for you to review.`,
        ),
      },
    }),
    async invoke({ input }) {
      const uri = targetUri(input);
      const document = await vscode.workspace.openTextDocument(uri);
      let applied = 0;
      for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, FIX_ALL_KIND.value);
        const action = actions?.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind) && a.edit);
        if (!action?.edit || !(await vscode.workspace.applyEdit(action.edit))) break;
        applied += action.diagnostics?.length ?? 1;
      }
      const result = await check(uri);
      return textResult(
        `${applied} fixes applied to ${label(uri)}${applied ? ' (unsaved)' : ''}; ${result.summary.errors} errors and ${result.summary.warnings} warnings remain for an author.`,
        json(result.findings),
      );
    },
  };

  return [
    registerTool('archdoc_check', checkTool),
    registerTool('archdoc_outline', outlineTool),
    registerTool('archdoc_section', sectionTool),
    registerTool('archdoc_fix', fixTool),
  ];
}
