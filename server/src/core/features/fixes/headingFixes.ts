/**
 * Fixes for a heading itself: rename a near-miss to the template's title, set a heading's
 * level. Both keep everything else the author wrote on the heading (see `headingEdits.ts`).
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DocHeading } from '../../types.ts';
import { headingAt } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';
import { levelEdits, oneLine, renameEdit } from './headingEdits.ts';

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
  if ((level > h.level && dropsSubsections(context, h, level)) || (level < h.level && emptiesParent(context, h, level))) return [];
  let edits: TextEdit[] = [renamed.edit];
  // A near-miss written at another level than the template's: the rename sets the level too,
  // or the renamed heading would be reported at the wrong level.
  if (level !== h.level) {
    const marks = levelEdits(model, h, level);
    edits = h.setext && level > 2 ? [{ ...marks[0], newText: `${'#'.repeat(level)} ${renamed.text}` }] : [renamed.edit, ...marks];
  }
  return [{ kind: 'rename-heading', title: `Rename to "${renamed.text}"`, edits, diagnostics: [diagnostic], preferred: true }];
}

/** Whether a heading of `level` at `h` would leave out subsections `h` holds now: they would become its siblings. */
function dropsSubsections(context: FixContext, h: DocHeading, level: number): boolean {
  const { headings } = context.analysis.model;
  const i = headings.indexOf(h);
  for (let j = i + 1; j < headings.length && headings[j].line < h.endLine; j++) if (headings[j].level <= level) return true;
  return false;
}

/**
 * Whether a heading of `level` at `h` would leave a section that holds it now with nothing: a
 * shallower heading ends every section of its level or deeper, which then holds only what
 * comes before `h`.
 */
function emptiesParent(context: FixContext, h: DocHeading, level: number): boolean {
  const { headings, lines } = context.analysis.model;
  for (let p = h.parent; p >= 0; p = headings[p].parent) {
    const parent = headings[p];
    if (parent.level < level) break;
    let text = false;
    for (let line = parent.range.end.line + 1; line < h.line && !text; line++) text = lines[line].trim() !== '';
    if (!text) return true;
  }
  return false;
}

export function fixHeadingLevel(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'heading-level');
  const h = headingOf(context, diagnostic);
  if (!data || !h || dropsSubsections(context, h, data.expectedLevel) || emptiesParent(context, h, data.expectedLevel)) return [];
  const edits = levelEdits(context.analysis.model, h, data.expectedLevel);
  if (edits.length === 0) return [];
  const label = `${'#'.repeat(data.expectedLevel)} ${oneLine(h.text)}`;
  return [{ kind: 'set-heading-level', title: `Change to level ${data.expectedLevel}: "${label}"`, edits, diagnostics: [diagnostic], preferred: true }];
}
