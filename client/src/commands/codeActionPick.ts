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
  return /\ball\b.+\bmissing\b|\bmissing sections\b/i.test(action.title);
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
 * Whether an action may be the fix of a `missing-section` diagnostic. Actions that come back
 * through `vscode.executeCodeActionProvider` lose their diagnostics; those are judged by
 * their title instead, which must offer to insert.
 */
function mayInsertSection(action: ActionLike): boolean {
  if (action.disabled || isInsertAllAction(action)) return false;
  if (action.diagnostics && action.diagnostics.length > 0) return fixes(action, 'missing-section');
  return /^insert\b/i.test(action.title);
}

/**
 * The action that inserts one missing section: among the possible fixes, the one whose
 * quoted title is the section's. With diagnostics to tell, the only fix of a
 * `missing-section` diagnostic also qualifies; otherwise there is no guess.
 */
export function pickInsertSectionAction<T extends ActionLike>(actions: readonly T[], sectionTitle: string): T | undefined {
  const candidates = actions.filter(mayInsertSection);
  const title = sectionTitle.trim().toLowerCase();
  const named = candidates.find((action) => namedSection(action.title) === title);
  if (named) return named;
  const attested = candidates.filter((action) => fixes(action, 'missing-section'));
  return attested.length === 1 && candidates.length === 1 ? attested[0] : undefined;
}
