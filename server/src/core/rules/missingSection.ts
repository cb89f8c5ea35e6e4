import type { Analysis, Position0, Range, SchemaSection } from '../types.ts';
import { lineRange } from '../text.ts';
import type { Rule } from './rule.ts';
import { headingLabel, sectionLabel } from './describe.ts';

/**
 * A required template section that the document lacks. Reported on the heading of the parent
 * section (the title, or line 0, for a top-level section), once per missing section.
 */
export const missingSection: Rule = {
  code: 'missing-section',
  description: 'A section the template requires is absent.',
  severity: 'warning',
  fixable: true,
  tags: ['structure'],
  check(a, report) {
    for (const section of a.missing) {
      const { after, insertAt, adopts } = insertionPoint(a, section);
      const where =
        section.id === ''
          ? 'at the top'
          : after
            ? `expected after "${sectionLabel(a.schema, after)}"`
            : `expected first under ${section.parentId ? `"${sectionLabel(a.schema, section.parentId)}"` : 'the title'}`;
      report({
        range: anchor(a, section),
        message: section.id === '' ? `Missing title "${headingLabel(section)}" (${where})` : `Missing section "${headingLabel(section)}" (${where})`,
        data: { code: 'missing-section', sectionId: section.id, insertAt, after, adopts },
      });
    }
  },
};

function anchor(a: Analysis, section: SchemaSection): Range {
  const parent = section.parentId === undefined ? undefined : a.present.get(section.parentId);
  if (parent !== undefined) return a.model.headings[parent].range;
  return lineRange(a.model.lines, 0);
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
