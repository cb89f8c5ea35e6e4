/**
 * Fixes for a heading itself: rename a near-miss to the template's title, set a heading's
 * level. Both keep everything else the author wrote on the heading (see `headingEdits.ts`).
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DocHeading } from '../../types.ts';
import { headingAt } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';
import { levelEdits, renameEdit } from './headingEdits.ts';

function headingOf(context: FixContext, diagnostic: Diagnostic): DocHeading | undefined {
  const { model } = context.analysis;
  const h = model.headings[headingAt(model, diagnostic.range.start.line)];
  return h && h.line === diagnostic.range.start.line ? h : undefined;
}

export function renameHeading(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'heading-typo');
  const section = data && context.analysis.schema.byId.get(data.sectionId);
  const h = headingOf(context, diagnostic);
  if (!data || !h) return [];
  const { model } = context.analysis;
  const renamed = renameEdit(model, h, data.expected);
  const level = section?.level ?? h.level;
  let edits: TextEdit[] = [renamed.edit];
  // A near-miss written at another level than the template's: the rename sets the level too,
  // or the renamed heading would be reported at the wrong level.
  if (level !== h.level) {
    const marks = levelEdits(model, h, level);
    edits = h.setext && level > 2 ? [{ ...marks[0], newText: `${'#'.repeat(level)} ${renamed.text}` }] : [renamed.edit, ...marks];
  }
  return [{ kind: 'rename-heading', title: `Rename to "${renamed.text}"`, edits, diagnostics: [diagnostic], preferred: true }];
}

export function fixHeadingLevel(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'heading-level');
  const h = headingOf(context, diagnostic);
  if (!data || !h) return [];
  const edits = levelEdits(context.analysis.model, h, data.expectedLevel);
  if (edits.length === 0) return [];
  const label = `${'#'.repeat(data.expectedLevel)} ${h.text.replace(/\s*\n\s*/g, ' ')}`;
  return [{ kind: 'set-heading-level', title: `Change to level ${data.expectedLevel}: "${label}"`, edits, diagnostics: [diagnostic], preferred: true }];
}
