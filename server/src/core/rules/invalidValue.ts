import type { Rule } from './rule.ts';
import { bareValue, entryLines, leadingValue, metadataLines, typedField, valueRange } from '../analysis/fieldValue.ts';

/** A typed field whose value is not one of its enumeration's values (`**Status**: Done`). */
export const invalidValue: Rule = {
  code: 'invalid-value',
  description: 'A field holds a value outside its allowed choices, such as a **Status** other than Draft, Active or Deprecated.',
  severity: 'error',
  fixable: true,
  tags: ['fields'],
  quietOnPlaceholderLines: true,
  check(a, report) {
    const inEntry = entryLines(a);
    const metadata = metadataLines(a);
    for (const field of a.model.fieldLines) {
      if (!metadata[field.line]) continue;
      const spec = typedField(a.schema, field);
      if (!spec || spec.kind !== 'enum' || !spec.values || inEntry[field.line]) continue;
      const value = bareValue(field.value);
      const head = bareValue(leadingValue(value));
      if (spec.values.some((v) => v.toLowerCase() === value.toLowerCase() || v.toLowerCase() === head.toLowerCase())) continue;
      report({
        range: valueRange(field, a.model.lines[field.line]),
        message: value
          ? `"${value}" is not a valid ${spec.label}: use one of ${spec.values.join(', ')}`
          : `${spec.label} has no value: use one of ${spec.values.join(', ')}`,
        data: { code: 'invalid-value', values: spec.values },
      });
    }
  },
};
