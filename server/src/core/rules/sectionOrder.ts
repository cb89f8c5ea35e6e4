import type { Rule } from './rule.ts';
import { sectionLabel, writtenLabel } from './describe.ts';

/** Sections out of template order: the fewest headings whose removal leaves the rest in order. */
export const sectionOrder: Rule = {
  code: 'section-order',
  description: 'A section stands where the template\'s order does not put it.',
  severity: 'warning',
  fixable: true,
  tags: ['structure'],
  check(a, report) {
    const { headings } = a.model;
    for (const [i, issue] of a.outOfOrder) {
      const h = headings[i];
      const match = a.matches[i];
      // A heading at the wrong level gets one finding that says both (see `heading-level`).
      if (!match || match.kind === 'level') continue;
      const section = match.section;
      const name = writtenLabel(a, i);
      const after = issue.kind === 'order' && issue.after ? a.present.get(issue.after) : undefined;
      const parent = issue.kind === 'parent' ? a.present.get(issue.parentId) : undefined;
      const message =
        issue.kind === 'parent'
          ? parent !== undefined
            ? `Section "${name}" belongs under "${writtenLabel(a, parent)}"`
            : `Section "${name}" belongs under a "${sectionLabel(a.schema, issue.parentId)}" section, which the document doesn't have`
          : after !== undefined
            ? `Section "${name}" is out of order (expected after "${writtenLabel(a, after)}")`
            : `Section "${name}" is out of order (expected before the sections around it)`;
      report({
        range: h.range,
        message,
        data: {
          code: 'section-order',
          sectionId: section.id,
          after: issue.kind === 'order' ? issue.after : '',
          startLine: h.line,
          endLine: a.ends[i],
          to: issue.kind === 'order' ? targetLine(a, i, issue.after) : h.line,
        },
      });
    }
  },
};

/** The line the section moves to: the end of the section it belongs after, or the start of its first sibling. */
function targetLine(a: Parameters<Rule['check']>[0], i: number, after: string): number {
  const { headings } = a.model;
  if (after) {
    const h = a.present.get(after);
    if (h !== undefined) return a.ends[h];
  }
  const parent = a.matchedParent[i];
  for (let j = 0; j < headings.length; j++) {
    if (j !== i && a.matchedParent[j] === parent && headings[j].level === headings[i].level && !a.outOfOrder.has(j)) return headings[j].line;
  }
  return headings[i].line;
}
