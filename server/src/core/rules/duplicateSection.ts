import type { Rule } from './rule.ts';
import { headingLabel } from './describe.ts';

/** The same template section a second time. */
export const duplicateSection: Rule = {
  code: 'duplicate-section',
  description: 'A template section appears more than once.',
  severity: 'warning',
  fixable: false,
  tags: ['structure'],
  check(a, report) {
    for (const i of a.duplicates) {
      const section = a.matches[i]?.section;
      if (!section) continue;
      const first = a.present.get(section.id) ?? i;
      const firstLine = a.model.headings[first].line;
      report({
        range: a.model.headings[i].range,
        message: `Duplicate section "${headingLabel(section)}" (first on line ${firstLine + 1})`,
        data: { code: 'duplicate-section', sectionId: section.id, firstLine },
      });
    }
  },
};
