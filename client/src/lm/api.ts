/**
 * The part of VS Code's language-model tool API (VS Code 1.95 and later) that ArchDoc uses.
 * The extension still installs on older VS Code, where `vscode.lm.registerTool` is absent and
 * the tools are simply not offered, so the API is looked up at run time rather than typed in.
 */
import * as vscode from 'vscode';

export interface ToolInvocationOptions<T> {
  readonly input: T;
}

export interface ToolPrepareOptions<T> {
  readonly input: T;
}

export interface PreparedInvocation {
  readonly invocationMessage?: string;
  readonly confirmationMessages?: { readonly title: string; readonly message: string | vscode.MarkdownString };
}

/** `vscode.LanguageModelTool<T>`. */
export interface LanguageModelTool<T> {
  invoke(options: ToolInvocationOptions<T>, token: vscode.CancellationToken): Promise<unknown>;
  prepareInvocation?(options: ToolPrepareOptions<T>, token: vscode.CancellationToken): PreparedInvocation | undefined;
}

interface LmApi {
  readonly lm?: { registerTool?<T>(name: string, tool: LanguageModelTool<T>): vscode.Disposable };
  readonly LanguageModelToolResult?: new (content: unknown[]) => unknown;
  readonly LanguageModelTextPart?: new (value: string) => unknown;
}

const api = vscode as unknown as LmApi;

/** Whether this VS Code offers language-model tools. */
export function hasToolApi(): boolean {
  return typeof api.lm?.registerTool === 'function' && api.LanguageModelToolResult !== undefined && api.LanguageModelTextPart !== undefined;
}

export function registerTool<T>(name: string, tool: LanguageModelTool<T>): vscode.Disposable {
  if (!api.lm?.registerTool) throw new Error('VS Code has no language-model tool API');
  return api.lm.registerTool(name, tool);
}

/** A tool result of text parts: the summary first, then the details as JSON. */
export function textResult(...parts: string[]): unknown {
  const { LanguageModelToolResult, LanguageModelTextPart } = api;
  if (!LanguageModelToolResult || !LanguageModelTextPart) throw new Error('VS Code has no language-model tool API');
  return new LanguageModelToolResult(parts.map((p) => new LanguageModelTextPart(p)));
}
