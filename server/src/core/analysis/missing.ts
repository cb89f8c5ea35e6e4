/** Where a missing section goes: shared by the missing-section rule and the confidence policy's notice. */
import type { Analysis, MissingSection, Position0, SchemaSection } from '../types.ts';

/** A missing section as diagnostics carry it (see `MissingSection`). */
export function missingEntry(a: Analysis, section: SchemaSection): MissingSection {
  const { after, insertAt, adopts } = insertionPoint(a, section);
  return { sectionId: section.id, title: section.title, level: section.level, insertAt, after, adopts };
}

/**
 * Where the section goes: after the nearest earlier sibling that is present, else before the
 * first later sibling, else at the end of the parent's section.
 */
export function insertionPoint(a: Analysis, section: SchemaSection): { after: string; insertAt: Position0; adopts: boolean } {
  const { headings } = a.model;
  if (section.id === '') return { after: '', insertAt: { line: 0, character: 0 }, adopts: false };
  const adopted = adoptedHeading(a, section);
  if (adopted !== undefined) return { after: '', insertAt: { line: headings[adopted].line, character: 0 }, adopts: true };
  return { ...templatePosition(a, section), adopts: false };
}

/**
 * When everything the template puts under a missing section already stands in the document
 * (a subsection filed elsewhere), inserting the section's heading anywhere else would leave it
 * empty: it goes just before the first of those subsections, and takes them in.
 */
function adoptedHeading(a: Analysis, section: SchemaSection): number | undefined {
  if (section.guidance !== '' || section.childIds.length === 0) return undefined;
  let first: number | undefined;
  for (const id of section.childIds) {
    const h = a.present.get(id);
    if (h === undefined) return undefined;
    if (first === undefined || h < first) first = h;
  }
  return first;
}

function templatePosition(a: Analysis, section: SchemaSection): { after: string; insertAt: Position0 } {
  const { headings } = a.model;
  const parentId = section.parentId ?? '';
  const siblings = (parentId === '' ? a.schema.root : a.schema.byId.get(parentId))?.childIds ?? [];
  const position = siblings.indexOf(section.id);
  for (let k = position - 1; k >= 0; k--) {
    const h = a.present.get(siblings[k]);
    if (h !== undefined && !a.outOfOrder.has(h)) return { after: siblings[k], insertAt: { line: a.ends[h], character: 0 } };
  }
  for (let k = position + 1; k < siblings.length; k++) {
    const h = a.present.get(siblings[k]);
    if (h !== undefined && !a.outOfOrder.has(h)) return { after: '', insertAt: { line: headings[h].line, character: 0 } };
  }
  const parent = a.present.get(parentId);
  if (parent !== undefined) return { after: '', insertAt: { line: a.ends[parent], character: 0 } };
  const firstTop = headings.findIndex((h) => h.level <= section.level);
  return { after: '', insertAt: { line: firstTop >= 0 ? headings[firstTop].line : a.model.lines.length, character: 0 } };
}
