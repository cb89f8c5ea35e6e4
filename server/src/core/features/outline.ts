/**
 * The template-aware outline behind `archdoc/outline`: every template section in template
 * order with its state (complete, has placeholders, empty, missing, out of order) and where
 * it stands, plus the sections the author added, under the section that holds them.
 */
import { isSectionEmpty } from '../analysis/sections.ts';
import type { OutlineNode, OutlineResult, OutlineState } from '../../protocol.ts';
import type { Analysis, SchemaSection } from '../types.ts';
import { guidancePerHeading, perHeading, placeholdersPerHeading } from './shared.ts';

export type OutlineSummary = Pick<OutlineResult, 'nodes' | 'sectionsPresent' | 'sectionsRequired' | 'placeholders'>;

interface Context {
  readonly analysis: Analysis;
  readonly placeholders: readonly number[];
  readonly guidance: readonly number[];
  /** Per heading: repository findings (drift) within its section. */
  readonly drift: readonly number[];
  /** Headings that stand for no template section, by the index of their enclosing heading. */
  readonly extras: ReadonlyMap<number, readonly number[]>;
}

function stateOf(context: Context, heading: number): OutlineState {
  if (context.analysis.outOfOrder.has(heading)) return 'out-of-order';
  if (context.placeholders[heading] > 0) return 'placeholders';
  if (context.guidance[heading] > 0) return 'guidance';
  if (isSectionEmpty(context.analysis, heading)) return 'empty';
  return 'complete';
}

function extraNodes(context: Context, parent: number): OutlineNode[] {
  return (context.extras.get(parent) ?? []).map((heading) => {
    const h = context.analysis.model.headings[heading];
    return {
      id: `extra:${h.line}`,
      title: h.text,
      level: h.level,
      state: stateOf(context, heading),
      optional: true,
      range: h.range,
      placeholders: context.placeholders[heading],
      guidance: context.guidance[heading],
      drift: context.drift[heading],
      children: extraNodes(context, heading),
    };
  });
}

function sectionNode(context: Context, section: SchemaSection): OutlineNode {
  const { analysis } = context;
  const children = section.childIds
    .map((id) => analysis.schema.byId.get(id))
    .filter((s): s is SchemaSection => s !== undefined)
    .map((s) => sectionNode(context, s));
  const heading = analysis.present.get(section.id);
  if (heading === undefined) {
    return { id: section.id, title: section.title, level: section.level, state: 'missing', optional: section.optional, placeholders: 0, guidance: 0, drift: 0, children };
  }
  return {
    id: section.id,
    title: section.title,
    level: section.level,
    state: stateOf(context, heading),
    optional: section.optional,
    range: analysis.model.headings[heading].range,
    placeholders: context.placeholders[heading],
    guidance: context.guidance[heading],
    drift: context.drift[heading],
    children: [...children, ...extraNodes(context, heading)],
  };
}

function collectExtras(analysis: Analysis): Map<number, number[]> {
  const extras = new Map<number, number[]>();
  const { headings } = analysis.model;
  headings.forEach((h, i) => {
    if (analysis.matches[i] || analysis.duplicates.has(i) || h.level === 1) return;
    // Added sections directly under the title are listed at the top level.
    const parent = h.parent >= 0 && headings[h.parent].level === 1 ? -1 : h.parent;
    extras.set(parent, [...(extras.get(parent) ?? []), i]);
  });
  return extras;
}

/** The outline; `driftLines` are the lines of the document's repository findings, to mark the sections that drifted. */
export function outline(analysis: Analysis, driftLines: readonly number[] = []): OutlineSummary {
  const context: Context = {
    analysis,
    placeholders: placeholdersPerHeading(analysis),
    guidance: guidancePerHeading(analysis),
    drift: perHeading(analysis, driftLines),
    extras: collectExtras(analysis),
  };
  const { schema } = analysis;
  const top = schema.root.childIds.map((id) => schema.byId.get(id)).filter((s): s is SchemaSection => s !== undefined);
  const required = schema.sections.filter((s) => !s.optional);
  return {
    nodes: [...top.map((s) => sectionNode(context, s)), ...extraNodes(context, -1)],
    sectionsRequired: required.length,
    sectionsPresent: required.filter((s) => analysis.present.has(s.id)).length,
    placeholders: analysis.placeholders.length,
  };
}
