import type { Analysis, MissingSectionEntry, Range, SchemaSection } from '../types.ts';
import { missingEntry } from '../analysis/missing.ts';
import { lineRange } from '../text.ts';
import type { Finding, Rule } from './rule.ts';
import { headingLabel, writtenLabel } from './describe.ts';
import { appendTo } from '../multimap.ts';

/**
 * Required template sections that the document lacks: one finding per parent section, naming
 * every section missing there. Reported on the parent's heading (the title, or line 0, for
 * top-level sections); a missing title is a finding of its own, at the top.
 */
export const missingSection: Rule = {
  code: 'missing-section',
  description: 'A section the template requires is absent.',
  severity: 'warning',
  fixable: true,
  tags: ['structure'],
  check(a, report) {
    const groups = new Map<string, SchemaSection[]>();
    for (const section of a.missing) {
      const key = section.id === '' ? '\u0000title' : (section.parentId ?? '');
      appendTo(groups, key, section);
    }
    for (const sections of groups.values()) report(finding(a, sections));
  },
};

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

/** Where the section goes, in words that name only headings the document has. */
function where(a: Analysis, entry: MissingSectionEntry): string {
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

