import type { Rule } from './rule.ts';

/** An entry without one of its kind's required fields; one finding per field, on the title. */
export const missingField: Rule = {
  code: 'missing-field',
  description: 'An entry (a component, a decision record, …) lacks one of its fields.',
  severity: 'warning',
  fixable: true,
  tags: ['fields'],
  check(a, report) {
    a.model.entries.forEach((entry, i) => {
      const kind = a.entryKinds[i];
      if (!kind) return;
      const have = new Set(entry.fields.map((f) => f.name.toLowerCase()));
      const insertLine = entry.fields.length ? entry.fields[entry.fields.length - 1].line + 1 : entry.line + 1;
      for (const field of kind.fields) {
        if (!field.required || have.has(field.name.toLowerCase())) continue;
        const body = field.line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
        report({
          range: entry.range,
          message: `${kind.label} "${entry.title}" has no ${field.name} field`,
          data: { code: 'missing-field', field: field.name, insertAt: { line: insertLine, character: 0 }, text: `${entry.bullet}${body}\n` },
        });
      }
    });
  },
};
