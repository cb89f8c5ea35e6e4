import { lineRange, normalizeLine } from '../text.ts';
import type { Analysis } from '../types.ts';
import type { Rule } from './rule.ts';
import { sectionLabel } from './describe.ts';

/** A guidance or example line of the template left exactly as the template wrote it. */
/** Lines that repeat a guidance or example line of the template verbatim, with the section it comes from. */
export function templateTextLines(a: Analysis): Map<number, string> {
  const { model, schema } = a;
  const found = new Map<number, string>();
  const headingLines = new Set(model.headings.map((h) => h.line));
  for (let line = 0; line < model.lines.length; line++) {
    if (!model.proseLines[line] || model.codeLines[line] || headingLines.has(line)) continue;
    const raw = model.lines[line];
    if (raw.trim() === '') continue;
    const sectionId = schema.templateLines.get(normalizeLine(raw, model.tableLines[line] === 1));
    if (sectionId !== undefined && !a.placeholderLines.has(line)) found.set(line, sectionId);
  }
  return found;
}

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
