import { templateTextLines } from '../analysis/templateText.ts';
import { lineRange } from '../text.ts';
import type { Rule } from './rule.ts';
import { sectionLabel } from './describe.ts';

/** A guidance or example line of the template left exactly as the template wrote it. */
export const templateText: Rule = {
  code: 'template-text',
  description: 'A line still reading as the template\'s guidance or example text.',
  severity: 'information',
  fixable: true,
  tags: ['content'],
  quietOnPlaceholderLines: true,
  check(a, report) {
    for (const [line, sectionId] of templateTextLines(a)) {
      report({
        range: lineRange(a.model.lines, line),
        message: `Template text left unchanged (from ${sectionLabel(a.schema, sectionId)}): replace it with this project's own`,
        data: { code: 'template-text', sectionId },
      });
    }
  },
};
