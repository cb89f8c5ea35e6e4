/**
 * Helpers shared by the integration tests. They wait on VS Code's own events with a
 * deadline, never on the clock, and let every error through to the test.
 */
import * as vscode from 'vscode';

/** The id of the extension under test; the runner sets it, the real extension is the default. */
export const extensionId = process.env.ARCHDOC_TEST_EXTENSION_ID ?? 'archdoc.archdoc';

export function extensionUnderTest(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) {
    const installed = vscode.extensions.all.map((e) => e.id).join(', ');
    throw new Error(`extension ${extensionId} is not installed; installed: ${installed}`);
  }
  return extension;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder open');
  return folder.uri;
}

export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/**
 * Resolves with the first value `check` returns that is not undefined, checking now and
 * after every `event`; rejects with `what` in the message when the deadline passes first.
 */
export function waitFor<T>(
  what: string,
  event: vscode.Event<unknown>,
  check: () => T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const subscription = event(() => settle());
    timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    settle();

    function settle(): void {
      let value: T | undefined;
      try {
        value = check();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (value !== undefined) finish(() => resolve(value));
    }
    function finish(outcome: () => void): void {
      if (!timer) return;
      clearTimeout(timer);
      timer = undefined;
      subscription.dispose();
      outcome();
    }
  });
}

/** Waits until the diagnostics of `uri` satisfy `predicate`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what = 'diagnostics',
  timeoutMs?: number,
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    `${what} on ${uri.path}`,
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
  );
}

/** The diagnostics ArchDoc reported, by code. */
export function archdocCodes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.source === 'archdoc').map((d) => codeOf(d));
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export async function openFixture(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(...segments));
  return vscode.window.showTextDocument(document);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Throws away unsaved edits in the active editor, so that each test starts from the fixture. */
export async function revertActiveEditor(): Promise<void> {
  if (vscode.window.activeTextEditor?.document.isDirty) {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

/** Today's date as the snippets and the scaffold write it (local time, ISO format). */
export function localIsoDate(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Accepts what each prompt of a running command offers (its prefilled value, its first
 * item), as a user pressing Enter would, until the command settles or the deadline passes.
 * There is no event for a prompt appearing, so the accept is repeated at short intervals.
 * Modal dialogs are answered by the runner (run.ts), from the page.
 */
export async function pressEnterUntilDone<T>(running: Thenable<T>, deadlineMs = 10_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(running).finally(() => (settled = true));
  const until = Date.now() + deadlineMs;
  while (!settled && Date.now() < until) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  if (!settled) throw new Error(`the command was still asking after ${deadlineMs} ms`);
  return result;
}
