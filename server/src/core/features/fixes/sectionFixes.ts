/**
 * Fixes for the document's structure: insert a missing section (or all of them) with its
 * skeleton, move an out-of-order section with its content, fill an empty section with the
 * template's content. Insertions go where `placement.ts` allows.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { sectionSkeleton } from '../../template/render.ts';
import type { SchemaSection } from '../../types.ts';
import { headingAt, insertLines } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';
import { insideRawText, sectionBoundary } from './placement.ts';

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

/** The text that inserts a section: the title line, or the skeleton without what the document already has. */
function insertionText(context: FixContext, section: SchemaSection): string {
  return section.id === '' ? titleLine(section) : skeleton(context, section);
}

/**
 * The line a section goes at: where the diagnostic says, moved past any section it would cut
 * in two; undefined where it would not be a heading. A heading that takes in sections already
 * present (`adopts`) goes exactly where it must.
 */
function insertionLine(context: FixContext, section: SchemaSection, line: number, adopts: boolean): number | undefined {
  const { model } = context.analysis;
  const at = adopts || section.id === '' ? line : sectionBoundary(model, line, section.level);
  return insideRawText(model, at) ? undefined : at;
}

export function insertMissingSection(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'missing-section');
  const section = data && context.analysis.schema.byId.get(data.sectionId);
  const line = data && section && insertionLine(context, section, data.insertAt.line, data.adopts);
  if (!data || !section || line === undefined) return [];
  const all = insertAllFix(context);
  const one: Fix = {
    kind: 'insert-section',
    title: `Insert section "${section.id === '' ? section.title : headingLabel(section)}"`,
    edits: [insertLines(context.analysis.model, line, insertionText(context, section), true)],
    diagnostics: [diagnostic],
    preferred: all === undefined,
  };
  return all ? [all, one] : [one];
}

/**
 * Insert-all, computed once per list of diagnostics: every missing section's light bulb offers
 * it, and a template of 500 sections would otherwise build it 500 times for one request.
 */
const insertAllFixes = new WeakMap<FixContext['all'], Fix | null>();

function insertAllFix(context: FixContext): Fix | undefined {
  const known = insertAllFixes.get(context.all);
  if (known !== undefined) return known ?? undefined;
  // A section that would take in a subsection from elsewhere moves the sections around it:
  // it is offered on its own, and left out of the fix that inserts the others together.
  const all = context.all.filter((d) => {
    const other = dataOf(d, 'missing-section');
    const s = other && context.analysis.schema.byId.get(other.sectionId);
    return other !== undefined && s !== undefined && !other.adopts && insertionLine(context, s, other.insertAt.line, false) !== undefined;
  });
  const fix: Fix | undefined =
    all.length > 1 ? { kind: 'insert-all-sections', title: `Insert all ${all.length} missing sections`, edits: insertAll(context, all), diagnostics: all, preferred: true } : undefined;
  insertAllFixes.set(context.all, fix ?? null);
  return fix;
}

/** One edit per insertion line, sections in template order, so that clients need not order inserts. */
function insertAll(context: FixContext, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const { schema, model } = context.analysis;
  const byLine = new Map<number, Array<{ section: SchemaSection; text: string }>>();
  for (const d of diagnostics) {
    const data = dataOf(d, 'missing-section');
    const section = data && schema.byId.get(data.sectionId);
    const line = data && section && insertionLine(context, section, data.insertAt.line, false);
    if (!section || line === undefined) continue;
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
  return [{ kind: 'move-section', title: `Move section "${model.headings[headingAt(model, data.startLine)]?.text ?? ''}" to its template position`, edits: [insert, remove], diagnostics: [diagnostic] }];
}

export function fillEmptySection(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'empty-section');
  const section = data && context.analysis.schema.byId.get(data.sectionId);
  if (!data || !section) return [];
  const body = skeleton(context, section).split('\n').slice(1).join('\n').replace(/^\n+/, '');
  if (body.trim() === '') return [];
  return [{ kind: 'fill-section', title: `Insert the template's content for "${section.title}"`, edits: [insertLines(context.analysis.model, data.insertAt.line, body, true)], diagnostics: [diagnostic] }];
}
