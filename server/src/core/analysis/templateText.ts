/** Lines of a document that repeat the template's own text. */
import { normalizeLine } from '../text.ts';
import type { Analysis } from '../types.ts';

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
