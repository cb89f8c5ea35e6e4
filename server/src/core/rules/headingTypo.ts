import type { Rule } from './rule.ts';
import { headingLabel } from './describe.ts';

/**
 * A heading that nearly spells a missing template section; it counts as that section. The match
 * is a guess, so it is said at information by default, and the heading is never renamed silently.
 */
export const headingTypo: Rule = {
  code: 'heading-typo',
  description: 'A heading is a near miss of a template section\'s title.',
  severity: 'information',
  fixable: true,
  tags: ['structure'],
  check(a, report) {
    a.matches.forEach((m, i) => {
      if (!m || m.kind !== 'typo' || a.duplicates.has(i)) return;
      const h = a.model.headings[i];
      const expected = headingLabel(m.section);
      report({
        range: h.range,
        message: `Heading "${h.text}" looks like a misspelling of "${expected}"; it is taken for that section`,
        data: { code: 'heading-typo', sectionId: m.section.id, expected: m.section.title, replacement: expected },
      });
    });
  },
};
