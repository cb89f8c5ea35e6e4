/**
 * The template-aware outline behind `archdoc/outline`: every template section in template
 * order with its state (see `sectionState.ts`) and where it stands, plus the sections the
 * author added, under the section that holds them.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { OutlineNode, OutlineResult } from '../../protocol.ts';
import { describeState, sectionStates, type SectionStates } from '../sectionState.ts';
import type { Analysis, DiagnosticCode, SchemaSection } from '../types.ts';
import { REPOSITORY_CODES } from '../check.ts';
import { perHeading } from './shared.ts';
import { appendTo } from '../multimap.ts';

export type OutlineSummary = Pick<OutlineResult, 'nodes' | 'sectionsWritten' | 'sectionsRequired' | 'placeholders'>;

interface Context {
  readonly analysis: Analysis;
  readonly states: SectionStates;
  /** Per heading: repository findings (drift) within its section. */
  readonly drift: readonly number[];
  /** Headings that stand for no template section, by the index of their enclosing heading. */
  readonly extras: ReadonlyMap<number, readonly number[]>;
}

function presentNode(context: Context, heading: number, id: string, title: string, level: number, optional: boolean, children: OutlineNode[]): OutlineNode {
  const status = context.states.headings[heading];
  return {
    id,
    title,
    level,
    state: status.state,
    optional,
    range: context.analysis.model.headings[heading].range,
    placeholders: status.placeholders,
    guidance: status.guidance,
    problems: status.problems,
    outOfOrder: status.outOfOrder,
    description: describeState(status),
    drift: context.drift[heading],
    children: [...children, ...extraNodes(context, heading)],
  };
}

function extraNodes(context: Context, parent: number): OutlineNode[] {
  return (context.extras.get(parent) ?? []).map((heading) => {
    const h = context.analysis.model.headings[heading];
    return presentNode(context, heading, `extra:${h.line}`, h.text, h.level, true, []);
  });
}

function sectionNode(context: Context, section: SchemaSection): OutlineNode {
  const { analysis } = context;
  const children = section.childIds
    .map((id) => analysis.schema.byId.get(id))
    .filter((s): s is SchemaSection => s !== undefined)
    .map((s) => sectionNode(context, s));
  const heading = analysis.present.get(section.id);
  if (heading === undefined && analysis.notApplicable.has(section.id)) {
    return { id: section.id, title: section.title, level: section.level, state: 'done', optional: section.optional, placeholders: 0, guidance: 0, problems: 0, outOfOrder: false, description: 'not applicable', drift: 0, children };
  }
  if (heading === undefined) {
    const description = section.optional ? 'missing (optional)' : 'missing';
    return { id: section.id, title: section.title, level: section.level, state: 'missing', optional: section.optional, placeholders: 0, guidance: 0, problems: 0, outOfOrder: false, description, drift: 0, children };
  }
  return presentNode(context, heading, section.id, section.title, section.level, section.optional, children);
}

function collectExtras(analysis: Analysis): Map<number, number[]> {
  const extras = new Map<number, number[]>();
  const { headings } = analysis.model;
  headings.forEach((h, i) => {
    if (analysis.matches[i] || analysis.duplicates.has(i) || h.level === 1) return;
    // Added sections directly under the title are listed at the top level.
    const parent = h.parent >= 0 && headings[h.parent].level === 1 ? -1 : h.parent;
    appendTo(extras, parent, i);
  });
  return extras;
}

/** The outline of an analysed document; `diagnostics` are its current diagnostics, which decide the `problems` state. */
export function outline(analysis: Analysis, diagnostics: readonly Diagnostic[]): OutlineSummary {
  const states = sectionStates(analysis, diagnostics);
  const driftLines = diagnostics.filter((d) => REPOSITORY_CODES.has(d.code as DiagnosticCode)).map((d) => d.range.start.line);
  const context: Context = { analysis, states, drift: perHeading(analysis, driftLines), extras: collectExtras(analysis) };
  const { schema } = analysis;
  const top = schema.root.childIds.map((id) => schema.byId.get(id)).filter((s): s is SchemaSection => s !== undefined);
  return {
    nodes: [...top.map((s) => sectionNode(context, s)), ...extraNodes(context, -1)],
    sectionsRequired: states.required,
    sectionsWritten: states.written,
    placeholders: analysis.placeholders.length,
  };
}
