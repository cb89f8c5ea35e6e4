/**
 * Code actions: quick fixes chosen by each diagnostic's `code` and built from its `data`, the
 * "Disable … for this line / file" actions, and `source.fixAll.archdoc`, which applies only
 * the fixes `fixes/certainty.ts` calls certain.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis, CheckSettings } from '../types.ts';
import { certainFixes, fixesFor } from './fixAll.ts';
import type { Fix, FixContext } from './fixes/fix.ts';
import { disableFixes } from './fixes/disableFixes.ts';

/** The kind of the fix-all source action. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.archdoc`;

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

/** Adds `fix` unless one like it is there: fixes acting on several diagnostics (insert all, disable for the file) are offered once. */
function addOnce(fix: Fix, diagnostic: Diagnostic, seen: Set<string>, out: Fix[]): void {
  const key = fix.diagnostics.length > 1 || fix.kind === 'disable-file' ? fix.title : `${fix.title}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`;
  if (seen.has(key)) return;
  seen.add(key);
  out.push(fix);
}

/**
 * The actions for `range`. `diagnostics` are the document's current diagnostics (with data),
 * so that clients which do not send them back, or drop their data, still get fixes. Fixes
 * come first, in the order of their diagnostics; the actions that silence a rule come last.
 */
export function codeActions(analysis: Analysis, diagnostics: readonly Diagnostic[], range: Range, options: CodeActionOptions): CodeAction[] {
  const context: FixContext = { analysis, today: options.today, all: diagnostics, severity: options.severity };
  const actions: CodeAction[] = [];
  if (wants(options.only, CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    const fixes: Fix[] = [];
    const silences: Fix[] = [];
    for (const diagnostic of diagnostics) {
      if (!overlaps(diagnostic, range)) continue;
      for (const fix of fixesFor(context, diagnostic)) addOnce(fix, diagnostic, seen, fixes);
      for (const fix of disableFixes(context, diagnostic)) addOnce(fix, diagnostic, seen, silences);
    }
    for (const fix of [...fixes, ...silences]) actions.push(toAction(fix, CodeActionKind.QuickFix, options));
  }
  if (options.only && wants(options.only, FIX_ALL_KIND)) {
    const all = fixAllAction(analysis, diagnostics, options);
    if (all) actions.push(all);
  }
  return actions;
}

/** One action applying every certain fix; undefined when there is none. */
export function fixAllAction(analysis: Analysis, diagnostics: readonly Diagnostic[], options: CodeActionOptions): CodeAction | undefined {
  const { edits, fixed } = certainFixes({ analysis, today: options.today, all: diagnostics, severity: options.severity });
  if (edits.length === 0) return undefined;
  return { title: 'Fix all certain ArchDoc problems', kind: FIX_ALL_KIND, diagnostics: [...fixed], edit: workspaceEdit(edits, options) };
}
