import type { Rule } from './rule.ts';
import { headingLabel } from './describe.ts';

/** A template section written at another heading level than the template's. */
export const headingLevel: Rule = {
  code: 'heading-level',
  description: 'A template section has the wrong heading level.',
  severity: 'warning',
  fixable: true,
  tags: ['structure'],
  check(a, report) {
    a.matches.forEach((m, i) => {
      if (!m || m.kind !== 'level' || a.duplicates.has(i)) return;
      const h = a.model.headings[i];
      const replacement = `${'#'.repeat(m.section.level)} ${h.text}`;
      report({
        range: h.range,
        message: `Section "${m.section.title}" should be a level ${m.section.level} heading ("${headingLabel(m.section)}"), not level ${h.level}`,
        data: { code: 'heading-level', sectionId: m.section.id, expectedLevel: m.section.level, replacement },
      });
    });
  },
};
