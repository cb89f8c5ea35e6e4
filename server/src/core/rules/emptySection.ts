import type { Rule } from './rule.ts';
import { headingLabel } from './describe.ts';

/** A required section with nothing under its heading: no text, no subsection. */
export const emptySection: Rule = {
  code: 'empty-section',
  check(a, report) {
    const { headings, lines } = a.model;
    a.matches.forEach((m, i) => {
      if (!m || m.section.id === '' || m.section.optional || a.duplicates.has(i)) return;
      const h = headings[i];
      const first = h.range.end.line + 1;
      for (let line = first; line < a.ends[i]; line++) {
        if (lines[line].trim() !== '') return;
      }
      report({
        range: h.range,
        message: `Section "${headingLabel(m.section)}" is empty`,
        data: { code: 'empty-section', sectionId: m.section.id, insertAt: { line: Math.min(first, lines.length), character: 0 } },
      });
    });
  },
};
