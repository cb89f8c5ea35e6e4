import type { Rule } from './rule.ts';
import { isIsoDate } from '../text.ts';
import { bareValue, entryLines, leadingValue, typedField, valueRange } from '../analysis/fieldValue.ts';

/** The document's `**Last Updated**` date is earlier than the last commit that changed it. */
export const staleDate: Rule = {
  code: 'stale-date',
  description: '**Last Updated** is earlier than the last commit that changed the document.',
  severity: 'warning',
  fixable: true,
  tags: ['repository'],
  repository: true,
  quietOnPlaceholderLines: true,
  check(a, report, { facts }) {
    const commit = facts?.document.lastCommit;
    if (commit === undefined) return;
    const inEntry = entryLines(a);
    for (const field of a.model.fieldLines) {
      const spec = typedField(a.schema, field);
      if (!spec || spec.kind !== 'date' || spec.label.toLowerCase() !== 'last updated' || inEntry[field.line]) continue;
      const value = bareValue(leadingValue(bareValue(field.value)));
      // An invalid date is invalid-date's to report; ISO dates compare as strings.
      if (!isIsoDate(value) || value >= commit) continue;
      report({
        range: valueRange(field, a.model.lines[field.line]),
        message: `Last Updated is ${value}, but the document was last committed on ${commit}`,
        data: { code: 'stale-date', commit, uncommitted: facts?.document.uncommitted === true },
      });
    }
  },
};
