/**
 * Where the repository checks look in a document: the sections they read (found by their
 * template title, so a team's own template with the same titles works too), the document's
 * Status, and the lines still holding the template's own text.
 */
import type { Analysis, SeverityName } from '../../types.ts';
import { headingKey } from '../../text.ts';
import { templateTextLines } from '../templateText.ts';
import { documentStatusValue } from '../fieldValue.ts';

/** The body of one section: lines [start, end), subsections included. */
export interface SectionBody {
  readonly heading: number;
  readonly start: number;
  readonly end: number;
  /** The template's text for the section (its guidance), to tell template lines from the author's. */
  readonly guidance: string;
}

/** The sections standing for template sections titled `title` (the first of each), in document order. */
export function sectionsTitled(a: Analysis, title: string): SectionBody[] {
  const key = headingKey(title);
  const out: SectionBody[] = [];
  for (const section of a.schema.sections) {
    if (section.key !== key) continue;
    const heading = a.present.get(section.id);
    if (heading === undefined) continue;
    out.push({ heading, start: a.model.headings[heading].line + 1, end: a.ends[heading], guidance: section.guidance });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Lines that are still the template's text: guidance and example lines, table rows included. */
const TEMPLATE_LINES = new WeakMap<Analysis, ReadonlySet<number>>();
export function templateLines(a: Analysis): ReadonlySet<number> {
  let lines = TEMPLATE_LINES.get(a);
  if (!lines) {
    lines = new Set(templateTextLines(a).keys());
    TEMPLATE_LINES.set(a, lines);
  }
  return lines;
}

export type DocumentStatus = 'draft' | 'active' | 'deprecated' | undefined;

/** The document's own Status (see `documentStatusValue`) when it is one the drift severity knows. */
export function documentStatus(a: Analysis): DocumentStatus {
  const value = documentStatusValue(a);
  return value === 'draft' || value === 'active' || value === 'deprecated' ? value : undefined;
}

/**
 * The severity of a repository finding when no setting names one: a draft is still being
 * written, so drift is information; an active document (or one with no Status) should be true,
 * so it is a warning; a deprecated one is not kept up to date, so drift is not reported.
 */
export function driftSeverity(status: DocumentStatus): SeverityName {
  if (status === 'draft') return 'information';
  if (status === 'deprecated') return 'off';
  return 'warning';
}
