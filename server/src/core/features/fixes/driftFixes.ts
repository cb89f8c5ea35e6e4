/**
 * Fixes for the repository checks. They change what the document claims, so the author
 * reviews each one: none of them is part of fix-all.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DocModel } from '../../types.ts';
import { insertLines } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';

function deleteLine(model: DocModel, line: number): TextEdit {
  const last = model.lines.length - 1;
  if (line < last) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  // The last line has no terminator of its own: take the one before it.
  const start = line > 0 ? { line: line - 1, character: model.lines[line - 1].length } : { line, character: 0 };
  return { range: { start, end: { line, character: model.lines[line].length } }, newText: '' };
}

export function removeStalePath(_context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'stale-path');
  if (!data) return [];
  return [{ kind: 'remove-stale-path', title: `Remove ${data.path} from the tree`, edits: data.edits, diagnostics: [diagnostic] }];
}

export function addUndocumentedPath(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'undocumented-path');
  if (!data) return [];
  return [{ kind: 'add-path', title: `Add ${data.path}/ to the tree`, edits: [insertLines(context.analysis.model, data.insertAt.line, data.text)], diagnostics: [diagnostic] }];
}

export function addEnvRow(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'undocumented-env');
  // A list of several blocks has no one certain place for the variable: no fix is offered.
  if (!data?.insertAt || data.text === undefined) return [];
  return [{ kind: 'add-env-row', title: `Add ${data.name} to Environment Variables`, edits: [insertLines(context.analysis.model, data.insertAt.line, data.text)], diagnostics: [diagnostic] }];
}

export function removeEnvRow(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'unused-env');
  if (!data) return [];
  return [{ kind: 'remove-env-row', title: `Remove ${data.name} from Environment Variables`, edits: [deleteLine(context.analysis.model, data.line)], diagnostics: [diagnostic] }];
}

export function setVersion(_context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'version-mismatch');
  if (!data) return [];
  return [{ kind: 'set-version', title: `Change to ${data.replacement}, as the repository declares`, edits: [{ range: diagnostic.range, newText: data.replacement }], diagnostics: [diagnostic] }];
}

export function setLastUpdated(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'stale-date');
  if (!data) return [];
  // A document with changes since its last commit is being updated today.
  const date = data.uncommitted ? context.today : data.commit;
  const why = data.uncommitted ? 'today, as the document has uncommitted changes' : 'the date of its last commit';
  return [{ kind: 'set-last-updated', title: `Set Last Updated to ${date} (${why})`, edits: [{ range: diagnostic.range, newText: date }], diagnostics: [diagnostic] }];
}
