/**
 * Fixes for values: replace an invalid enumeration value with each allowed one, put today's
 * date in place of an invalid date or a date placeholder, choose a value for an enumeration
 * placeholder.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { dataOf, type Fix, type FixContext } from './fix.ts';

function replaceWith(diagnostic: Diagnostic, value: string, title: string, preferred = false): Fix {
  return { title, edits: [{ range: diagnostic.range, newText: value }], diagnostics: [diagnostic], preferred };
}

export function replaceInvalidValue(_context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'invalid-value');
  if (!data) return [];
  return data.values.map((value) => replaceWith(diagnostic, value, `Change to "${value}"`));
}

export function replaceInvalidDate(context: FixContext, diagnostic: Diagnostic): Fix[] {
  if (!dataOf(diagnostic, 'invalid-date')) return [];
  return [replaceWith(diagnostic, context.today, `Replace with today's date (${context.today})`, true)];
}

export function fillPlaceholder(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'placeholder');
  if (!data) return [];
  if (data.kind === 'date') return [replaceWith(diagnostic, context.today, `Insert today's date (${context.today})`, true)];
  if (data.kind === 'enum') return (data.values ?? []).map((value) => replaceWith(diagnostic, value, `Choose "${value}"`));
  return [];
}
