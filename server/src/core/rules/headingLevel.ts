import type { Rule } from './rule.ts';
import { headingLabel, sectionLabel, writtenLabel } from './describe.ts';

/**
 * A template section written at another heading level than the template's. When the heading is
 * also out of template order, this one finding says both (`section-order` stays quiet on it).
 */
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
      const issue = a.outOfOrder.get(i);
      const misplaced = issue && (issue.kind === 'parent' ? { after: '', parentId: issue.parentId } : { after: issue.after });
      const anchor = issue && a.present.get(issue.kind === 'parent' ? issue.parentId : issue.after);
      const where = !issue
        ? ''
        : issue.kind === 'parent'
          ? anchor !== undefined
            ? `, and belongs under "${writtenLabel(a, anchor)}"`
            : `, and belongs under a "${sectionLabel(a.schema, issue.parentId)}" section`
          : anchor !== undefined && issue.after
            ? `, and belongs after "${writtenLabel(a, anchor)}"`
            : ', and is out of order';
      report({
        range: h.range,
        message: `Section "${m.section.title}" should be a level ${m.section.level} heading ("${headingLabel(m.section)}"), not level ${h.level}${where}`,
        data: { code: 'heading-level', sectionId: m.section.id, expectedLevel: m.section.level, replacement, ...(misplaced ? { misplaced } : {}) },
      });
    });
  },
};
