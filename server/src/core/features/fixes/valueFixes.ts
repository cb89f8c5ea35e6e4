/**
 * Fixes for values: replace an invalid enumeration value with each allowed one, write a
 * year-first date the ISO way or put today's date in place of an invalid date or a date
 * placeholder, choose a value for an enumeration placeholder.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { isIsoDate } from '../../text.ts';
import type { DocModel } from '../../types.ts';
import type { FixKind } from './certainty.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';

function replaceWith(kind: FixKind, diagnostic: Diagnostic, value: string, title: string, preferred = false): Fix {
  return { kind, title, edits: [{ range: diagnostic.range, newText: value }], diagnostics: [diagnostic], preferred };
}

export function replaceInvalidValue(_context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'invalid-value');
  if (!data) return [];
  return data.values.map((value) => replaceWith('choose-value', diagnostic, value, `Change to "${value}"`));
}

/** `2025/6/1`, `2025.06.01`, `2025-6-1` as `2025-06-01`: year first, so there is one reading. */
export function isoSpelling(value: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return iso !== value && isIsoDate(iso) ? iso : undefined;
}

function rangeText(model: DocModel, diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return start.line === end.line ? (model.lines[start.line] ?? '').slice(start.character, end.character) : '';
}

export function replaceInvalidDate(context: FixContext, diagnostic: Diagnostic): Fix[] {
  if (!dataOf(diagnostic, 'invalid-date')) return [];
  const iso = isoSpelling(rangeText(context.analysis.model, diagnostic));
  const fixes = iso ? [replaceWith('write-iso-date', diagnostic, iso, `Write the date as ${iso}`, true)] : [];
  return [...fixes, replaceWith('insert-date', diagnostic, context.today, `Replace with today's date (${context.today})`, !iso)];
}

/**
 * Whether a placeholder on a `**Label**: value` line is the value itself, so that putting a
 * value in its place leaves a value the field accepts: `**Status**: Active [TODO]` and
 * `2025-06-0[TODO]` would become `Active Draft` and `2025-06-02025-06-01`. Emphasis around it
 * and a note after it (`(pending)`, `- v2`, `, by Ana`) are kept.
 */
function standsForValue(model: DocModel, diagnostic: Diagnostic): boolean {
  const { start, end } = diagnostic.range;
  const field = model.fieldLines.find((f) => f.line === start.line);
  if (!field || end.line !== start.line) return true;
  const line = model.lines[start.line] ?? '';
  const before = line.slice(field.valueRange.start.character, start.character);
  const after = line.slice(end.character, field.valueRange.end.character);
  return /^[\s*_`]*$/.test(before) && /^[*_`]*\.?(?:\s*$|\s+[-–—(]|,\s|\s+by\s)/.test(after);
}

export function fillPlaceholder(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'placeholder');
  if (!data || !standsForValue(context.analysis.model, diagnostic)) return [];
  if (data.kind === 'date') return [replaceWith('insert-date', diagnostic, context.today, `Insert today's date (${context.today})`, true)];
  if (data.kind === 'enum') return (data.values ?? []).map((value) => replaceWith('choose-value', diagnostic, value, `Choose "${value}"`));
  return [];
}
