import type { Rule } from './rule.ts';

/** A section the author added that the template doesn't know. Off by default: adding sections is fine. */
export const extraSection: Rule = {
  code: 'extra-section',
  description: 'A section that the template does not have.',
  severity: 'off',
  fixable: false,
  tags: ['structure'],
  check(a, report) {
    a.model.headings.forEach((h, i) => {
      if (a.matches[i]) return;
      report({ range: h.range, message: `Section "${h.text}" is not in the template`, data: { code: 'extra-section' } });
    });
  },
};
