import type { Rule } from './rule.ts';

/** A placeholder left unfilled: `[Project Name]`, `YYYY-MM-DD`, `[Draft | Active | Deprecated]`. */
export const placeholder: Rule = {
  code: 'placeholder',
  description: 'A placeholder left from the template, such as `[Project Name]` or `YYYY-MM-DD`.',
  severity: 'warning',
  fixable: true,
  tags: ['content'],
  check(a, report) {
    for (const p of a.placeholders) {
      const hint =
        p.kind === 'enum' && p.values
          ? `: choose one of ${p.values.join(', ')}`
          : p.kind === 'date'
            ? ': write a date as YYYY-MM-DD'
            : '';
      report({
        range: p.range,
        message: `Unfilled placeholder ${p.text}${hint}`,
        data: { code: 'placeholder', kind: p.kind, ...(p.values ? { values: p.values } : {}) },
      });
    }
  },
};
