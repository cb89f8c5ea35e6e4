/**
 * What the MCP tools ask of a project: the engine, the configuration and the template registry
 * seen from inside the allowed roots. Every read goes through `Roots` (no path outside, no link
 * out, regular files only, bounded size) and every write is atomic and asked for.
 */
import type { Finding, FindingSummary, MissingSection, SectionGuide, SectionNodeShape } from '../core/index.ts';
import { Roots, ToolError } from './roots.ts';

export interface DocumentInput {
  readonly path?: string;
  readonly text?: string;
  readonly template?: string;
}

interface Header {
  path?: string;
  template: string;
  checked: boolean;
  reason?: string;
}

export interface CheckResult extends Header {
  summary: FindingSummary;
  findings: Finding[];
  sections: SectionNodeShape[];
}

export interface OutlineToolResult extends Header {
  sectionsPresent: number;
  sectionsRequired: number;
  placeholders: number;
  missing: MissingSection[];
  sections: SectionNodeShape[];
}

export interface FixResult {
  path?: string;
  text: string;
  changed: boolean;
  /** Rounds of fix-all that changed the text. */
  rounds: number;
  written: boolean;
  remaining: Finding[];
}

export interface NewResult {
  path: string;
  template: string;
  written: boolean;
  text: string;
}

export interface SectionResult extends SectionGuide {
  template: string;
}

export interface Project {
  readonly roots: Roots;
  /** What the default template expects, for the tools' descriptions. */
  templateSummary(): Promise<string>;
  check(input: DocumentInput): Promise<CheckResult>;
  outline(input: DocumentInput): Promise<OutlineToolResult>;
  fix(input: DocumentInput, write: boolean): Promise<FixResult>;
  scaffold(input: { path: string; name?: string; template?: string; date?: string; status?: string }): Promise<NewResult>;
  section(query: string, where: { template?: string; path?: string }): Promise<SectionResult>;
}

export { ToolError };
