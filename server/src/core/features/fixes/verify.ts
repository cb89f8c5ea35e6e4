/**
 * Checks a candidate fix by applying it and checking the result: a fix is offered only when
 * it resolves its diagnostic and adds no warning or error. Used for the fixes whose effect
 * depends on the surroundings (removing a line can empty a section).
 */
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../analyze.ts';
import { checkDocument } from '../../check.ts';
import { parseDocument } from '../../parse/document.ts';
import { applyEdits } from '../edits.ts';
import type { FixContext } from './fix.ts';

function counts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity !== DiagnosticSeverity.Error && d.severity !== DiagnosticSeverity.Warning) continue;
    out.set(String(d.code), (out.get(String(d.code)) ?? 0) + 1);
  }
  return out;
}

/**
 * Verdicts per analysis and diagnostics list. Editors ask for code actions again each time the
 * cursor rests on a line, and each verdict costs a full check of the edited document; for one
 * version of the document (one analysis, one diagnostics list) the verdict never changes.
 */
const verdicts = new WeakMap<FixContext['analysis'], WeakMap<FixContext['all'], Map<string, boolean>>>();

export function keepsDocumentClean(context: FixContext, target: Diagnostic, edits: readonly TextEdit[]): boolean {
  let perList = verdicts.get(context.analysis);
  if (!perList) verdicts.set(context.analysis, (perList = new WeakMap()));
  let known = perList.get(context.all);
  if (!known) perList.set(context.all, (known = new Map()));
  const key = JSON.stringify([context.severity ?? null, target.code, edits]);
  let verdict = known.get(key);
  if (verdict === undefined) known.set(key, (verdict = verify(context, target, edits)));
  return verdict;
}

function verify(context: FixContext, target: Diagnostic, edits: readonly TextEdit[]): boolean {
  const { analysis } = context;
  const text = applyEdits(analysis.model.text, edits);
  const after = checkDocument(analyze(parseDocument(text), analysis.schema), { severity: context.severity });
  const before = counts(context.all);
  for (const [code, count] of counts(after)) if (count > (before.get(code) ?? 0)) return false;
  const targetCode = String(target.code);
  return after.filter((d) => String(d.code) === targetCode).length < context.all.filter((d) => String(d.code) === targetCode).length;
}
