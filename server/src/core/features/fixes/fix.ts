/**
 * What a quick fix is before it becomes an LSP code action: a title, the edits, and the
 * diagnostics it resolves. Fix families live one per file and register in `codeActions.ts`.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { Analysis, CheckSettings, DiagnosticData } from '../../types.ts';
import type { FixKind } from './certainty.ts';

export interface Fix {
  /** What the fix does; `certainty.ts` says which kinds fix-all may apply. */
  readonly kind: FixKind;
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly diagnostics: readonly Diagnostic[];
  /** The fix an editor may apply on its own (`isPreferred`). */
  readonly preferred?: boolean;
}

export interface FixContext {
  readonly analysis: Analysis;
  /** ISO date for date placeholders and invalid dates. */
  readonly today: string;
  /** Every diagnostic of the document, for fixes that act on several at once. */
  readonly all: readonly Diagnostic[];
  /** The severities the diagnostics were computed with, to check a fix the same way. */
  readonly severity?: CheckSettings['severity'];
}

/** The payload of a diagnostic, when it is one of ours with the expected code. */
export function dataOf<C extends DiagnosticData['code']>(
  diagnostic: Diagnostic,
  code: C,
): Extract<DiagnosticData, { code: C }> | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  return diagnostic.source === 'archdoc' && diagnostic.code === code && data?.code === code
    ? (data as Extract<DiagnosticData, { code: C }>)
    : undefined;
}

export type FixProvider = (context: FixContext, diagnostic: Diagnostic) => Fix[];
