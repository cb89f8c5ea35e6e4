import { isSectionEmpty } from '../analysis/sections.ts';
import type { Rule } from './rule.ts';
import { headingLabel } from './describe.ts';

/** A required section with nothing under its heading: no text, no subsection. */
export const emptySection: Rule = {
  code: 'empty-section',
  description: 'A section has a heading but no content.',
  severity: 'warning',
  fixable: true,
  tags: ['structure', 'content'],
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
