/**
 * Which of the server's code actions a client command applies. The server owns every edit
 * (it knows the template); the client only recognises the action it needs among those
 * offered, by kind first and by the diagnostic code it fixes, never by message text alone.
 */

/** The parts of a `vscode.CodeAction` the choice looks at. */
export interface ActionLike {
  readonly title: string;
  readonly kind?: { readonly value: string } | undefined;
  readonly diagnostics?: readonly { readonly code?: unknown }[] | undefined;
  readonly disabled?: unknown;
}

/** A diagnostic's code as a string: VS Code reports it bare or as `{ value, target }`. */
export function codeOf(diagnostic: { readonly code?: unknown }): string | undefined {
  const { code } = diagnostic;
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  if (typeof code === 'object' && code !== null && 'value' in code) return String(code.value);
  return undefined;
}

function fixes(action: ActionLike, code: string): boolean {
  return action.diagnostics?.some((diagnostic) => codeOf(diagnostic) === code) ?? false;
}

/** Whether an action inserts every missing section at once. */
export function isInsertAllAction(action: ActionLike): boolean {
  const kind = action.kind?.value ?? '';
  if (/missing/i.test(kind) && !/fixAll/i.test(kind)) return true;
  return /\ball\b.*\bmissing\b|\bmissing sections\b/i.test(action.title);
}

/** The action that inserts all missing sections, if the server offered one. */
export function pickInsertAllAction<T extends ActionLike>(actions: readonly T[]): T | undefined {
  return actions.find((action) => !action.disabled && isInsertAllAction(action));
}

/** The section an action's title names: `Insert section "## Security"` → `security`. */
function namedSection(title: string): string | undefined {
  const quoted = /"([^"]*)"/.exec(title)?.[1];
  return quoted?.replace(/^#+\s*/, '').trim().toLowerCase();
}

/**
 * The action that inserts one missing section: among the fixes of a `missing-section`
 * diagnostic (other than insert-all), the one whose quoted title is the section's, else the
 * only one. Several fixes and none naming the section: no guess.
 */
export function pickInsertSectionAction<T extends ActionLike>(actions: readonly T[], sectionTitle: string): T | undefined {
  const candidates = actions.filter((action) => !action.disabled && fixes(action, 'missing-section') && !isInsertAllAction(action));
  const title = sectionTitle.trim().toLowerCase();
  return candidates.find((action) => namedSection(action.title) === title) ?? (candidates.length === 1 ? candidates[0] : undefined);
}
