/** Facts about a document's sections that rules and features share. */
import type { Analysis } from '../types.ts';

/** Whether a heading's section has nothing under it: no non-blank line before the section ends. */
export function isSectionEmpty(a: Analysis, heading: number): boolean {
  const h = a.model.headings[heading];
  for (let line = h.range.end.line + 1; line < a.ends[heading]; line++) {
    if (a.model.lines[line].trim() !== '') return false;
  }
  return true;
}
