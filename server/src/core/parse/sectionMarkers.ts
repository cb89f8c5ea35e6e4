/**
 * What a document can say about its own sections where the template can't guess. Each marker
 * is an HTML comment on a line of its own, so it never shows when rendered:
 *
 * - `<!-- archdoc: section Decision Log -->` in a section's body: this heading is the document's
 *   version of that template section (by title, alias or id), whatever it is called.
 * - `<!-- archdoc: not-applicable Deployment -->` anywhere: that template section (and what the
 *   template puts under it) doesn't apply to this project; it is not reported missing.
 *
 * A section whose body starts with "Not applicable" or "N/A" counts as present and not empty
 * without any marker (see `analyze.ts`).
 */
import type { DocModel } from '../types.ts';

export type SectionMarkerKind = 'section' | 'not-applicable';

export interface SectionMarker {
  readonly kind: SectionMarkerKind;
  /** 0-based line of the comment. */
  readonly line: number;
  /** The template section named, as written: a title, an alias or an id. */
  readonly target: string;
  /** Index of the heading whose section holds the comment, or -1 before the first heading. */
  readonly heading: number;
}

const MARKER_OPEN = /^\s*<!--\s*archdoc:\s*(section|not-applicable)\s/;

/** The kind and target of a marker line; the target is cut with string operations, so a long line costs one pass. */
function readMarker(text: string): { kind: SectionMarkerKind; target: string } | undefined {
  const open = MARKER_OPEN.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length).trimEnd();
  if (!rest.endsWith('-->')) return undefined;
  return { kind: open[1] as SectionMarkerKind, target: rest.slice(0, -3).trim() };
}

/** The marker line that says so, to write into a document: `sectionMarker('section', 'Decision Log')`. */
export function sectionMarker(kind: SectionMarkerKind, target: string): string {
  return `<!-- archdoc: ${kind} ${target} -->`;
}

export function readSectionMarkers(model: DocModel): SectionMarker[] {
  const out: SectionMarker[] = [];
  let h = -1;
  model.lines.forEach((text, line) => {
    while (h + 1 < model.headings.length && model.headings[h + 1].line <= line) h++;
    if (model.fenceContent[line] || !text.includes('archdoc:')) return;
    const m = readMarker(text);
    if (m && m.target !== '') out.push({ kind: m.kind, line, target: m.target, heading: h });
  });
  return out;
}

/** A body that says the section doesn't apply: `Not applicable.`, `N/A - no database`, `_Not applicable to this project._` */
const NOT_APPLICABLE = /^[\s>*_]*(?:not applicable|n\/a)(?![\p{L}\p{N}])/iu;

/** Whether the first line of text under a heading (before any subsection) says it doesn't apply. */
export function saysNotApplicable(model: DocModel, heading: number): boolean {
  const h = model.headings[heading];
  const next = model.headings[heading + 1];
  const end = next ? next.line : model.lines.length;
  for (let line = h.range.end.line + 1; line < end; line++) {
    const text = model.lines[line];
    if (text.trim() === '' || /^\s*<!--.*-->\s*$/.test(text)) continue;
    return NOT_APPLICABLE.test(text);
  }
  return false;
}
