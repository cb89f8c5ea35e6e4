import { templateTextLines } from '../analysis/templateText.ts';
import { lineRange } from '../text.ts';
import type { Analysis } from '../types.ts';
import type { Rule } from './rule.ts';
import { sectionLabel } from './describe.ts';

/** Longest stretch of a guidance line quoted in a message. */
const QUOTE_LENGTH = 60;

function quoteOf(line: string): string {
  const text = line.trim().replace(/^(?:[-*+]|\d+[.)])\s+/, '').replace(/\*\*|__/g, '');
  return text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : text;
}

/**
 * Guidance lines grouped by the section whose own text holds them (the innermost heading
 * above them; -1 before the first heading), in document order.
 */
function perSection(a: Analysis): Map<number, { lines: number[]; sectionId: string }> {
  const groups = new Map<number, { lines: number[]; sectionId: string }>();
  const { headings } = a.model;
  let heading = -1;
  for (const [line, sectionId] of [...templateTextLines(a)].sort(([x], [y]) => x - y)) {
    while (heading + 1 < headings.length && headings[heading + 1].line <= line) heading++;
    const group = groups.get(heading);
    if (group) group.lines.push(line);
    else groups.set(heading, { lines: [line], sectionId });
  }
  return groups;
}

/**
 * The template's guidance or example text left as the template wrote it: one finding per
 * section, on its first such line, quoting what is left. While the document's Status is the
 * template's first (a Draft), guidance is expected and the finding is a hint (see `check.ts`).
 */
export const templateText: Rule = {
  code: 'template-text',
  description: 'A section still holding the template\'s guidance or example text, reported once per section.',
  severity: 'information',
  fixable: true,
  tags: ['content'],
  quietOnPlaceholderLines: true,
  whileDraft: 'hint',
  check(a, report) {
    for (const [heading, { lines, sectionId }] of perSection(a)) {
      const where = heading >= 0 ? `"${a.model.headings[heading].text}"` : sectionLabel(a.schema, sectionId);
      const more = lines.length > 1 ? ` and ${lines.length - 1} more ${lines.length === 2 ? 'line' : 'lines'}` : '';
      report({
        range: lineRange(a.model.lines, lines[0]),
        message: `Template guidance left in ${where}: "${quoteOf(a.model.lines[lines[0]])}"${more}. Replace it with this project's own text`,
        data: { code: 'template-text', sectionId, lines },
      });
    }
  },
};
