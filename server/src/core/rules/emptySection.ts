import type { Analysis } from '../types.ts';
import type { Rule } from './rule.ts';
import { headingLabel } from './describe.ts';

/**
 * Whether a heading's section has nothing under it: no non-blank line before the section ends,
 * measured at the heading's own level (`## Testing Strategy` holds the `###` under it) and at its
 * template level (`### Infrastructure` written too deep holds the `###` subsections after it).
 */
export function isSectionEmpty(a: Analysis, heading: number): boolean {
  const h = a.model.headings[heading];
  const end = Math.max(a.ends[heading], h.endLine);
  for (let line = h.range.end.line + 1; line < end; line++) {
    if (a.model.lines[line].trim() !== '') return false;
  }
  return true;
}

/** A required section with nothing under its heading: no text, no subsection. */
export const emptySection: Rule = {
  code: 'empty-section',
  check(a, report) {
    a.matches.forEach((m, i) => {
      if (!m || m.section.id === '' || m.section.optional || a.duplicates.has(i) || a.notApplicable.has(m.section.id) || !isSectionEmpty(a, i)) return;
      const h = a.model.headings[i];
      report({
        range: h.range,
        message: `Section "${headingLabel(m.section)}" is empty`,
        data: { code: 'empty-section', sectionId: m.section.id, insertAt: { line: Math.min(h.range.end.line + 1, a.model.lines.length), character: 0 } },
      });
    });
  },
};
