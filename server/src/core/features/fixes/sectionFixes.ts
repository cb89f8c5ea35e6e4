/**
 * Fixes for the document's structure: insert a missing section (or all of them) with its
 * skeleton, move an out-of-order section with its content, rename a near-miss heading, set
 * a heading's level, fill an empty section with the template's content.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { sectionSkeleton } from '../../template/render.ts';
import type { MissingSection, SchemaSection } from '../../types.ts';
import { headingAt, insertLines } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';

function headingLabel(section: SchemaSection): string {
  return `${'#'.repeat(section.level)} ${section.title}`;
}

/** The section's skeleton without the subsections the document already has elsewhere. */
function skeleton(context: FixContext, section: SchemaSection): string {
  const { present } = context.analysis;
  return sectionSkeleton(context.analysis.schema, section, { today: context.today, omit: (s) => present.has(s.id) });
}

function titleLine(section: SchemaSection): string {
  return section.skeleton.split('\n')[0] + '\n';
}

/**
 * Whether text inserted at `line` would land inside a code block: a fence left open runs to the
 * end of the document, so a heading appended after it would be code, not a section.
 */
function insideCode(context: FixContext, line: number): boolean {
  const { model } = context.analysis;
  if (line >= model.lines.length || (line === model.lines.length - 1 && model.lines[line] === '')) return model.endsInOpenFence;
  return model.codeLines[line] === 1 && model.codeLines[line - 1] === 1;
}

/** The text that inserts a section: the title line, or the skeleton without what the document already has. */
function insertionText(context: FixContext, section: SchemaSection): string {
  return section.id === '' ? titleLine(section) : skeleton(context, section);
}

export function insertMissingSection(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'missing-section');
  if (!data || data.unrelated) return [];
  const { schema, model } = context.analysis;
  const fixes: Fix[] = [];
  for (const entry of data.sections) {
    const section = schema.byId.get(entry.sectionId);
    if (!section || insideCode(context, entry.insertAt.line)) continue;
    fixes.push({
      title: `Insert section "${section.id === '' ? section.title : headingLabel(section)}"`,
      edits: [insertLines(model, entry.insertAt.line, insertionText(context, section), true)],
      diagnostics: [diagnostic],
      preferred: data.sections.length === 1,
    });
  }
  // A section that would take in a subsection from elsewhere moves the sections around it:
  // it is offered on its own, and left out of the fix that inserts the others together.
  const all: MissingSection[] = [];
  const covered: Diagnostic[] = [];
  for (const d of context.all) {
    const other = dataOf(d, 'missing-section');
    if (!other || other.unrelated) continue;
    const usable = other.sections.filter((e) => !e.adopts && !insideCode(context, e.insertAt.line));
    if (usable.length) covered.push(d);
    all.push(...usable);
  }
  if (all.length > 1) fixes.push({ title: `Insert all ${all.length} missing sections`, edits: insertAll(context, all), diagnostics: covered });
  return fixes;
}

/** One edit per insertion line, sections in template order, so that clients need not order inserts. */
function insertAll(context: FixContext, entries: readonly MissingSection[]): TextEdit[] {
  const { schema, model } = context.analysis;
  const byLine = new Map<number, Array<{ section: SchemaSection; text: string }>>();
  for (const entry of entries) {
    const section = schema.byId.get(entry.sectionId);
    if (!section) continue;
    const line = entry.insertAt.line;
    byLine.set(line, [...(byLine.get(line) ?? []), { section, text: insertionText(context, section) }]);
  }
  return [...byLine].map(([line, inserts]) => {
    const text = inserts
      // The title first; then deeper sections: at a shared line they close the section above,
      // which a shallower heading inserted before them would take from it.
      .sort((a, b) => Number(b.section.id === '') - Number(a.section.id === '') || b.section.level - a.section.level || a.section.index - b.section.index)
      .map((i) => i.text)
      .join('\n');
    return insertLines(model, line, text, true);
  });
}

export function moveSection(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'section-order');
  const { model } = context.analysis;
  if (!data || (data.to >= data.startLine && data.to <= data.endLine) || data.endLine > model.lines.length) return [];
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
  return [{ title: `Move section "${model.headings[headingAt(model, data.startLine)]?.text ?? ''}" to its template position`, edits: [insert, remove], diagnostics: [diagnostic] }];
}

function replaceHeading(context: FixContext, diagnostic: Diagnostic, replacement: string, title: string): Fix[] {
  const { model } = context.analysis;
  const h = model.headings[headingAt(model, diagnostic.range.start.line)];
  if (!h || h.line !== diagnostic.range.start.line) return [];
  const end = { line: h.range.end.line, character: model.lines[h.range.end.line].length };
  return [{ title, edits: [{ range: { start: { line: h.line, character: 0 }, end }, newText: replacement }], diagnostics: [diagnostic], preferred: true }];
}

export function renameHeading(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'heading-typo');
  return data ? replaceHeading(context, diagnostic, data.replacement, `Rename to "${data.replacement}"`) : [];
}

export function fixHeadingLevel(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'heading-level');
  return data ? replaceHeading(context, diagnostic, data.replacement, `Change to level ${data.expectedLevel}: "${data.replacement}"`) : [];
}

export function fillEmptySection(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'empty-section');
  const section = data && context.analysis.schema.byId.get(data.sectionId);
  if (!data || !section) return [];
  const body = skeleton(context, section).split('\n').slice(1).join('\n').replace(/^\n+/, '');
  if (body.trim() === '') return [];
  return [{ title: `Insert the template's content for "${section.title}"`, edits: [insertLines(context.analysis.model, data.insertAt.line, body, true)], diagnostics: [diagnostic] }];
}
