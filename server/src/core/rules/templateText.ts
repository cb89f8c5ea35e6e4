import { lineRange, normalizeLine } from '../text.ts';
import type { Rule } from './rule.ts';
import { sectionLabel } from './describe.ts';

/** A guidance or example line of the template left exactly as the template wrote it. */
export const templateText: Rule = {
  code: 'template-text',
  quietOnPlaceholderLines: true,
  check(a, report) {
    const { model, schema } = a;
    const headingLines = new Set(model.headings.map((h) => h.line));
    for (let line = 0; line < model.lines.length; line++) {
      if (!model.proseLines[line] || model.codeLines[line] || headingLines.has(line)) continue;
      const raw = model.lines[line];
      if (raw.trim() === '') continue;
      const sectionId = schema.templateLines.get(normalizeLine(raw, model.tableLines[line] === 1));
      if (sectionId === undefined) continue;
      report({
        range: lineRange(model.lines, line),
        message: `Template text left unchanged (from ${sectionLabel(schema, sectionId)}): replace it with this project's own`,
        data: { code: 'template-text', sectionId },
      });
    }
  },
};
