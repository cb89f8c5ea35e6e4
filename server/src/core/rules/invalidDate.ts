import type { Analysis } from '../types.ts';
import { isIsoDate, range } from '../text.ts';
import type { Finding, Rule } from './rule.ts';
import { bareValue, entryLines, leadingValue, metadataLines, typedField, valueRange } from '../analysis/fieldValue.ts';

/** Something date-like at the start of a decision title: `2026-13-40`, `12/03/2025`, `2025.3.12`. */
const LEADING_DATE = /^\[?(\d[\d./-]*\d)\]?(?=\s|$|[-–—:|,])/;

/** A date field or dated entry title that is not a real ISO date (2026-13-40, 12/03/2025). */
export const invalidDate: Rule = {
  code: 'invalid-date',
  description: 'A date field or a decision record does not hold a valid `YYYY-MM-DD` date.',
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
      if (!spec || spec.kind !== 'date' || inEntry[field.line]) continue;
      const value = bareValue(field.value);
      if (isIsoDate(value) || isIsoDate(bareValue(leadingValue(value)))) continue;
      report({
        range: valueRange(field, a.model.lines[field.line]),
        message: value ? `"${value}" is not a valid date: write it as YYYY-MM-DD` : `${spec.label} has no date: write it as YYYY-MM-DD`,
        data: { code: 'invalid-date' },
      });
    }
    checkEntryTitles(a, report);
  },
};

function checkEntryTitles(a: Analysis, report: (f: Finding) => void): void {
  a.model.entries.forEach((entry, i) => {
    if (!a.entryKinds[i]?.datedTitle) return;
    const m = LEADING_DATE.exec(entry.title);
    if (!m || isIsoDate(m[1])) return;
    const start = entry.titleRange.start.character + entry.title.indexOf(m[1]);
    report({
      range: range(entry.line, start, entry.line, start + m[1].length),
      message: `"${m[1]}" is not a valid date: write it as YYYY-MM-DD`,
      data: { code: 'invalid-date' },
    });
  });
}
