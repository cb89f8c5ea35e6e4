/**
 * What the MCP tools ask of a project: the engine, the configuration and the template registry
 * seen from inside the allowed roots. Every read goes through `Roots` (no path outside, no link
 * out, regular files only, bounded size) and every write is atomic and asked for.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { OutlineNode } from '../protocol.ts';
import { Roots, ToolError } from './roots.ts';
import type { SectionNodeShape } from './schemas.ts';

export interface DocumentInput {
  readonly path?: string;
  readonly text?: string;
  readonly template?: string;
}

export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: Diagnostic['range'];
  data?: unknown;
}

interface Header {
  path?: string;
  template: string;
  checked: boolean;
  reason?: string;
}

export interface CheckResult extends Header {
  summary: { errors: number; warnings: number; information: number; hints: number };
  findings: Finding[];
  sections: SectionNodeShape[];
}

export interface OutlineToolResult extends Header {
  sectionsPresent: number;
  sectionsRequired: number;
  placeholders: number;
  missing: { id: string; title: string; level: number; optional: boolean }[];
  sections: SectionNodeShape[];
}

export interface FixResult {
  path?: string;
  text: string;
  changed: boolean;
  applied: number;
  written: boolean;
  remaining: Finding[];
}

export interface NewResult {
  path: string;
  template: string;
  written: boolean;
  text: string;
}

export interface SectionResult {
  id: string;
  title: string;
  level: number;
  optional: boolean;
  parent?: string;
  guidance: string;
  skeleton: string;
  subsections: string[];
  template: string;
}

export interface Project {
  readonly roots: Roots;
  check(input: DocumentInput): Promise<CheckResult>;
  outline(input: DocumentInput): Promise<OutlineToolResult>;
  fix(input: DocumentInput, write: boolean): Promise<FixResult>;
  scaffold(input: { path: string; name?: string; template?: string; date?: string; status?: string }): Promise<NewResult>;
  section(query: string, where: { template?: string; path?: string }): Promise<SectionResult>;
}

const SEVERITY: Record<DiagnosticSeverity, Finding['severity']> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function findingOf(d: Diagnostic): Finding {
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  const finding: Finding = { code: String(d.code), severity: SEVERITY[d.severity ?? DiagnosticSeverity.Warning], message, range: d.range };
  if (d.data !== undefined) finding.data = d.data;
  return finding;
}

export function summaryOf(findings: readonly Finding[]): CheckResult['summary'] {
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
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

export function missingOf(nodes: readonly SectionNodeShape[], out: OutlineToolResult['missing'] = []): OutlineToolResult['missing'] {
  for (const n of nodes) {
    if (n.state === 'missing') out.push({ id: n.id, title: n.title, level: n.level, optional: n.optional });
    missingOf(n.children, out);
  }
  return out;
}

export { ToolError };
