/** Facts about a document's sections that rules and features share. */
import type { Analysis } from '../types.ts';

/**
 * Whether a heading's section has nothing under it: no non-blank line before the section ends,
 * measured at the heading's own level (`## Testing Strategy` holds the `###` under it) and at its
 * template level (`### Infrastructure` written too deep holds the `###` subsections after it).
 */
export function isSectionEmpty(a: Analysis, heading: number): boolean {
  const h = a.model.headings[heading];
  const end = Math.max(a.ends[heading], h.endLine);
  for (let line = h.range.end.line + 1; line < end; line++) {
    if (a.model.lines[line].trim() !== '') return false;
  }
  return true;
}
