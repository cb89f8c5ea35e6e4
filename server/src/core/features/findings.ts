/**
 * The engine's results as plain JSON for tools that are not editors (the MCP server, VS Code's
 * language-model tools): diagnostics with severity names, a summary, and the template-aware
 * outline flattened to what an agent needs.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { OutlineNode, OutlineState } from '../../protocol.ts';

export type SeverityLabel = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  code: string;
  severity: SeverityLabel;
  message: string;
  range: Range;
  data?: unknown;
}

export interface FindingSummary {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export interface SectionNodeShape {
  id: string;
  title: string;
  level: number;
  state: OutlineState;
  optional: boolean;
  /** 0-based line of the heading; absent when the section is missing. */
  line?: number;
  placeholders: number;
  guidance: number;
  children: SectionNodeShape[];
}

export interface MissingSection {
  id: string;
  title: string;
  level: number;
  optional: boolean;
}

const SEVERITY: Record<DiagnosticSeverity, SeverityLabel> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function findingOf(d: Diagnostic): Finding {
  const message = typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
  const finding: Finding = { code: String(d.code), severity: SEVERITY[d.severity ?? DiagnosticSeverity.Warning], message, range: d.range };
  if (d.data !== undefined) finding.data = d.data;
  return finding;
}

export function summaryOf(findings: readonly Finding[]): FindingSummary {
  const count = (s: SeverityLabel): number => findings.filter((f) => f.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') };
}

export function nodesOf(nodes: readonly OutlineNode[]): SectionNodeShape[] {
  return nodes.map((n) => {
    const node: SectionNodeShape = {
      id: n.id,
      title: n.title,
      level: n.level,
      state: n.state,
      optional: n.optional,
      placeholders: n.placeholders,
      guidance: n.guidance,
      children: nodesOf(n.children),
    };
    if (n.range) node.line = n.range.start.line;
    return node;
  });
}

/** Every missing template section, depth first. */
export function missingOf(nodes: readonly SectionNodeShape[], out: MissingSection[] = []): MissingSection[] {
  for (const n of nodes) {
    if (n.state === 'missing') out.push({ id: n.id, title: n.title, level: n.level, optional: n.optional });
    missingOf(n.children, out);
  }
  return out;
}
