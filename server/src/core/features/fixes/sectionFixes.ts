/**
 * Fixes for the document's structure besides missing sections (see `missingFixes.ts`): move an
 * out-of-order section with its content, fill an empty section with the template's content.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { headingAt, insertLines } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';
import { skeleton } from './missingFixes.ts';
import { insideRawText } from './placement.ts';
import { isSectionEmpty } from '../../analysis/sections.ts';

export function moveSection(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'section-order');
  const { model } = context.analysis;
  if (!data || (data.to >= data.startLine && data.to <= data.endLine) || data.endLine > model.lines.length) return [];
  // Moved into an unclosed fence or HTML block, the section would be code, no section at all.
  if (insideRawText(model, data.to)) return [];
  // A heading of the block whose only content lies past the block (a `### Overview` nested under
  // `## Testing` that stands for another section, the sections after a level-1 `Data Protection`)
  // would arrive empty: it is no certain move.
  const h = headingAt(model, data.startLine);
  const heading = model.headings[h];
  // Nor may the section that holds the block be left with nothing once the block is gone.
  const a = context.analysis;
  const blank = (from: number, to: number): boolean => model.lines.slice(from, to).every((l) => l.trim() === '');
  for (const p of h >= 0 ? [model.headings[h].parent, a.parents[h]] : []) {
    const holder = model.headings[p];
    if (holder && !isSectionEmpty(a, p) && blank(holder.range.end.line + 1, data.startLine) && blank(data.endLine, Math.max(a.ends[p], holder.endLine))) return [];
  }
  for (let j = Math.max(h, 0); j < model.headings.length && model.headings[j].line < data.endLine; j++) {
    const inner = model.headings[j];
    if (!isSectionEmpty(context.analysis, j) && model.lines.slice(inner.range.end.line + 1, data.endLine).every((l) => l.trim() === '')) return [];
  }
  // The run of field lines that ends the document is its metadata (`metadataLines`): a move that
  // leaves a section's field line last, or lands after the document's own, changes which fields
  // are the document's, so it is no certain move either.
  const fieldLine = new Set(model.fieldLines.map((f) => f.line));
  const lastWritten = (before: number): number => {
    let line = before - 1;
    while (line >= 0 && model.lines[line].trim() === '') line--;
    return line;
  };
  const landsLast = lastWritten(model.lines.length) < data.to;
  if (data.endLine >= model.lines.length && fieldLine.has(lastWritten(data.startLine))) return [];
  if (landsLast && (fieldLine.has(lastWritten(model.lines.length)) || fieldLine.has(lastWritten(data.endLine)))) return [];
  let last = data.endLine;
  while (last > data.startLine + 1 && model.lines[last - 1].trim() === '') last--;
  const block = model.lines.slice(data.startLine, last).join('\n') + '\n';
  const atEnd = data.endLine >= model.lines.length;
  const remove: TextEdit = atEnd
    ? {
        range: {
          start: { line: data.startLine - 1, character: model.lines[data.startLine - 1]?.length ?? 0 },
          end: { line: model.lines.length - 1, character: model.lines[model.lines.length - 1].length },
        },
        newText: '',
      }
    : { range: { start: { line: data.startLine, character: 0 }, end: { line: data.endLine, character: 0 } }, newText: '' };
  const insert = insertLines(model, data.to, block, true);
  return [{ kind: 'move-section', title: `Move section "${heading?.text ?? ''}" to its template position`, edits: [insert, remove], diagnostics: [diagnostic] }];
}

export function fillEmptySection(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'empty-section');
  const section = data && context.analysis.schema.byId.get(data.sectionId);
  if (!data || !section) return [];
  const body = skeleton(context, section).split('\n').slice(1).join('\n').replace(/^\n+/, '');
  if (body.trim() === '') return [];
  return [{ kind: 'fill-section', title: `Insert the template's content for "${section.title}"`, edits: [insertLines(context.analysis.model, data.insertAt.line, body, true)], diagnostics: [diagnostic] }];
}
