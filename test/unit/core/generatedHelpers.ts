/** The parts of the engine the generated-files tests read, with a quick-fix lookup for one diagnostic. */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../../../server/src/core/index.ts';
import { codeActions } from '../../../server/src/core/features/codeActions.ts';

export { analyze, compileTemplate, DEFAULT_SEVERITY, DIAGNOSTIC_CODES, parseDocument, RULE_INFO } from '../../../server/src/core/index.ts';

/** The quick fixes offered for `target`. */
export function codeActionsFor(analysis: Analysis, diagnostics: readonly Diagnostic[], target: Diagnostic): CodeAction[] {
  return codeActions(analysis, diagnostics, target.range, { uri: 'file:///w/ARCHITECTURE.md', today: '2026-01-01', only: ['quickfix'] }).filter((a) =>
    a.diagnostics?.some((d) => d.code === target.code),
  );
}
