/**
 * Code actions: quick fixes chosen by each diagnostic's `code` and built from its `data`, and
 * `source.fixAll.archdoc`, which applies only the fixes that cannot lose text (heading names
 * and levels, padding table rows).
 */
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Analysis, CheckSettings, DiagnosticCode } from '../types.ts';
import { dataOf, type Fix, type FixContext, type FixProvider } from './fixes/fix.ts';
import { addMissingField, removeTemplateLine, resizeTableRow } from './fixes/lineFixes.ts';
import { fillEmptySection, fixHeadingLevel, insertMissingSection, moveSection, renameHeading } from './fixes/sectionFixes.ts';
import { fillPlaceholder, replaceInvalidDate, replaceInvalidValue } from './fixes/valueFixes.ts';
import { addEnvRow, addUndocumentedPath, removeEnvRow, removeStalePath, setLastUpdated, setVersion } from './fixes/driftFixes.ts';

/** The kind of the fix-all source action. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.archdoc`;

const PROVIDERS: Partial<Record<DiagnosticCode, FixProvider>> = {
  placeholder: fillPlaceholder,
  'template-text': removeTemplateLine,
  'missing-section': insertMissingSection,
  'section-order': moveSection,
  'heading-typo': renameHeading,
  'heading-level': fixHeadingLevel,
  'empty-section': fillEmptySection,
  'invalid-value': replaceInvalidValue,
  'invalid-date': replaceInvalidDate,
  'missing-field': addMissingField,
  'table-columns': resizeTableRow,
  'stale-path': removeStalePath,
  'undocumented-path': addUndocumentedPath,
  'undocumented-env': addEnvRow,
  'unused-env': removeEnvRow,
  'version-mismatch': setVersion,
  'stale-date': setLastUpdated,
};

export interface CodeActionOptions {
  readonly uri: string;
  /** With a version, edits are versioned `documentChanges`, which clients refuse on a changed document. */
  readonly version?: number;
  readonly today: string;
  readonly severity?: CheckSettings['severity'];
  /** The kinds the client asked for (`context.only`); all kinds when absent. */
  readonly only?: readonly string[];
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

function workspaceEdit(edits: readonly TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  if (options.version === undefined) return { changes: { [options.uri]: [...edits] } };
  return { documentChanges: [{ textDocument: { uri: options.uri, version: options.version }, edits: [...edits] }] };
}

function overlaps(diagnostic: Diagnostic, range: Range): boolean {
  return diagnostic.range.start.line <= range.end.line && diagnostic.range.end.line >= range.start.line;
}

function toAction(fix: Fix, kind: string, options: CodeActionOptions): CodeAction {
  return {
    title: fix.title,
    kind,
    diagnostics: [...fix.diagnostics],
    isPreferred: fix.preferred || undefined,
    edit: workspaceEdit(fix.edits, options),
  };
}

/**
 * The actions for `range`. `diagnostics` are the document's current diagnostics (with data),
 * so that clients which do not send them back, or drop their data, still get fixes.
 */
export function codeActions(analysis: Analysis, diagnostics: readonly Diagnostic[], range: Range, options: CodeActionOptions): CodeAction[] {
  const context: FixContext = { analysis, today: options.today, all: diagnostics, severity: options.severity };
  const actions: CodeAction[] = [];
  if (wants(options.only, CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    for (const diagnostic of diagnostics) {
      if (!overlaps(diagnostic, range)) continue;
      const provider = PROVIDERS[diagnostic.code as DiagnosticCode];
      for (const fix of provider ? provider(context, diagnostic) : []) {
        // Fixes acting on several diagnostics (insert all) are offered once.
        const key = fix.diagnostics.length > 1 ? fix.title : `${fix.title}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`;
        if (seen.has(key)) continue;
        seen.add(key);
        actions.push(toAction(fix, CodeActionKind.QuickFix, options));
      }
    }
  }
  if (options.only && wants(options.only, FIX_ALL_KIND)) {
    const all = fixAll(analysis, diagnostics, options);
    if (all) actions.push(all);
  }
  return actions;
}

function isSafe(diagnostic: Diagnostic): boolean {
  if (dataOf(diagnostic, 'heading-typo') || dataOf(diagnostic, 'heading-level')) return true;
  const table = dataOf(diagnostic, 'table-columns');
  return table !== undefined && table.expected > table.actual;
}

/** One action applying every safe fix; undefined when there is none. */
export function fixAll(analysis: Analysis, diagnostics: readonly Diagnostic[], options: CodeActionOptions): CodeAction | undefined {
  const context: FixContext = { analysis, today: options.today, all: diagnostics, severity: options.severity };
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  const lines = new Set<number>();
  for (const diagnostic of diagnostics) {
    const line = diagnostic.range.start.line;
    if (!isSafe(diagnostic) || lines.has(line)) continue;
    const fix = PROVIDERS[diagnostic.code as DiagnosticCode]?.(context, diagnostic)[0];
    if (!fix) continue;
    lines.add(line);
    edits.push(...fix.edits);
    fixed.push(diagnostic);
  }
  if (edits.length === 0) return undefined;
  return { title: 'Fix all safe ArchDoc problems', kind: FIX_ALL_KIND, diagnostics: fixed, edit: workspaceEdit(edits, options) };
}
