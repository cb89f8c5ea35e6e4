import type { Rule } from './rule.ts';
import { headingLabel } from './describe.ts';

/** A heading that nearly spells a missing template section; it counts as that section. */
export const headingTypo: Rule = {
  code: 'heading-typo',
  description: 'A heading is a near miss of a template section\'s title.',
  severity: 'warning',
  fixable: true,
  tags: ['structure'],
  check(a, report) {
    a.matches.forEach((m, i) => {
      if (!m || m.kind !== 'typo' || a.duplicates.has(i)) return;
      const h = a.model.headings[i];
      const expected = headingLabel(m.section);
      report({
        range: h.range,
        message: `Heading "${h.text}" looks like a misspelling of "${expected}"`,
        data: { code: 'heading-typo', sectionId: m.section.id, expected: m.section.title, replacement: expected },
      });
    });
  },
};
