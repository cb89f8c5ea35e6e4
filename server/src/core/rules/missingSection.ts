import type { Analysis, MissingSection, Position0, Range, SchemaSection } from '../types.ts';
import { lineRange } from '../text.ts';
import type { Finding, Rule } from './rule.ts';
import { headingLabel, writtenLabel } from './describe.ts';

/**
 * Required template sections that the document lacks: one finding per parent section, naming
 * every section missing there. Reported on the parent's heading (the title, or line 0, for
 * top-level sections); a missing title is a finding of its own, at the top.
 */
export const missingSection: Rule = {
  code: 'missing-section',
  check(a, report) {
    const groups = new Map<string, SchemaSection[]>();
    for (const section of a.missing) {
      const key = section.id === '' ? '\u0000title' : (section.parentId ?? '');
      groups.set(key, [...(groups.get(key) ?? []), section]);
    }
    for (const sections of groups.values()) report(finding(a, sections));
  },
};

/**
 * The one notice a document gets when it doesn't follow the template at all: it names the
 * template's top-level sections and says how to opt in or out.
 */
export function unrelatedNotice(a: Analysis): Finding {
  const top = a.schema.sections.filter((s) => s.parentId === '' && !s.optional && !a.present.has(s.id));
  const sections = top.map((s) => missingEntry(a, s));
  const first = sections[0] ?? { sectionId: '', title: a.schema.root.title, level: 1, insertAt: { line: 0, character: 0 }, after: '', adopts: false };
  return {
    range: lineRange(a.model.lines, 0),
    message:
      `This document doesn't follow the architecture template (${a.fit.matchedTop} of ${a.fit.templateTop} sections found), so it is not checked against it. ` +
      'Add <!-- archdoc --> to check it fully, or archdoc: false in its front matter to stop these notices.',
    data: { code: 'missing-section', ...first, sections, unrelated: true },
    severity: 'information',
  };
}

function finding(a: Analysis, sections: readonly SchemaSection[]): Finding {
  const entries = sections.map((s) => missingEntry(a, s));
  const first = entries[0];
  const head = sections[0];
  let message: string;
  if (head.id === '') message = `Missing title "${headingLabel(head)}" (at the top)`;
  else if (sections.length === 1) message = `Missing section "${headingLabel(head)}" (${where(a, first)})`;
  else {
    const under = head.parentId ? a.present.get(head.parentId) : undefined;
    const names = sections.map((s) => `"${headingLabel(s)}"`).join(', ');
    message = under !== undefined ? `Missing ${sections.length} sections under "${writtenLabel(a, under)}": ${names}` : `Missing ${sections.length} sections: ${names}`;
  }
  return { range: anchor(a, head), message, data: { code: 'missing-section', ...first, sections: entries } };
}

function missingEntry(a: Analysis, section: SchemaSection): MissingSection {
  const { after, insertAt, adopts } = insertionPoint(a, section);
  return { sectionId: section.id, title: section.title, level: section.level, insertAt, after, adopts };
}

/** Where the section goes, in words that name only headings the document has. */
function where(a: Analysis, entry: MissingSection): string {
  if (entry.after) {
    const h = a.present.get(entry.after);
    if (h !== undefined) return `expected after "${writtenLabel(a, h)}"`;
  }
  const before = a.model.headings.findIndex((h) => h.line === entry.insertAt.line);
  const section = a.schema.byId.get(entry.sectionId);
  if (before >= 0 && section && a.matches[before] && a.matches[before]?.section.parentId === section.parentId) {
    return `expected before "${writtenLabel(a, before)}"`;
  }
  const parent = section?.parentId ? a.present.get(section.parentId) : undefined;
  if (parent !== undefined) return `expected under "${writtenLabel(a, parent)}"`;
  return 'expected in the document';
}

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
