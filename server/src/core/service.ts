/**
 * The engine's one face. Every adapter (the language server, the CLI, the benchmarks, the test
 * helpers, later the browser build and the agent tools) creates a service and calls only its
 * methods, so that the parse → analyze → check chain is built here and nowhere else.
 *
 * The service does no I/O: template text and document text come in as strings, and results go
 * out as LSP types. It keeps one cache, compiled schemas per template text, owned by the instance.
 */
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { analyze } from './analyze.ts';
import { checkDocument } from './check.ts';
import { codeActions, FIX_ALL_KIND, type CodeActionOptions } from './features/codeActions.ts';
import { completion, type CompletionOptions } from './features/completion.ts';
import { documentSymbols } from './features/documentSymbols.ts';
import { applyEdits } from './features/edits.ts';
import { hover, type HoverOptions } from './features/hover.ts';
import { outline, type OutlineSummary } from './features/outline.ts';
import { findSection, sectionGuide, sectionTitles, templateSummary, type SectionGuide } from './features/sectionGuide.ts';
import { parseDocument } from './parse/document.ts';
import { compileTemplate, type CompileOptions, type CompileResult } from './template/compile.ts';
import { renderDocument, sectionSkeleton, type RenderOptions, type SkeletonOptions } from './template/render.ts';
import type { Analysis, CheckSettings, Schema, SchemaSection } from './types.ts';
import type { DriftFacts } from './facts.ts';

/** Options of the fix loop. */
export interface FixOptions {
  /** ISO date used by fixes that insert one. */
  readonly today: string;
  readonly severity?: CheckSettings['severity'];
  /** How the document was selected, as for `check`. */
  readonly selectedBy?: CheckSettings['selectedBy'];
  /** Rounds after which the loop stops even if fix-all still offers edits. */
  readonly maxRounds?: number;
}

/** What the fix loop did. */
export interface FixResult {
  /** The document after every round; identical to the input when nothing was fixed. */
  readonly text: string;
  /** Rounds that changed the text. */
  readonly rounds: number;
  /** How many diagnostics the applied fixes addressed, over all rounds. */
  readonly fixed: number;
  /** Whether the text changed. */
  readonly changed: boolean;
  /** The diagnostics of the final text. */
  readonly diagnostics: Diagnostic[];
}

/** The engine, as adapters see it. */
export interface ArchdocLanguageService {
  /** Compiles a template, with its sidecar when it has one; the same text is compiled once per service. */
  compileTemplate(text: string, options?: CompileOptions): CompileResult;
  /** Parses a document and relates it to the schema: the analysis every feature reads. */
  analyze(text: string, schema: Schema): Analysis;
  /** Diagnostics of an analysed document; with repository facts (gathered by an adapter), the repository checks too. */
  check(analysis: Analysis, settings?: CheckSettings, facts?: DriftFacts): Diagnostic[];
  completion(analysis: Analysis, position: Position, options: CompletionOptions): CompletionItem[];
  hover(analysis: Analysis, position: Position, options: HoverOptions): Hover | null;
  symbols(analysis: Analysis): DocumentSymbol[];
  /** The template-aware outline; `driftLines` (lines of repository findings) mark the sections that drifted. */
  outline(analysis: Analysis, driftLines?: readonly number[]): OutlineSummary;
  /** Quick fixes for `range` and, when asked for by `options.only`, the fix-all action. */
  codeActions(analysis: Analysis, diagnostics: readonly Diagnostic[], range: Range, options: CodeActionOptions): CodeAction[];
  /** Applies the fix-all action's edits until it offers none (or `maxRounds`), as `archdoc check --fix` does. */
  fix(text: string, schema: Schema, options: FixOptions): FixResult;
  /** A new document from the template. */
  render(schema: Schema, options: RenderOptions): string;
  /** The skeleton of one section, as completions and quick fixes insert it. */
  sectionSkeleton(schema: Schema, section: SchemaSection, options: SkeletonOptions): string;
  /** One section's guidance and skeleton, found by id, title or heading; undefined when the template has none such. */
  sectionGuide(schema: Schema, query: string, today: string): SectionGuide | undefined;
  /** The titles of the template's top-level sections. */
  sectionTitles(schema: Schema): string[];
  /** What the template expects (sections, placeholders, entry fields), in sentences for a coding agent. */
  templateSummary(schema: Schema): string;
}

/** The most compiled templates a service keeps; a workspace uses a handful. */
const MAX_COMPILED = 16;
const DEFAULT_FIX_ROUNDS = 8;
/** Fix-all edits are addressed to a document; the loop applies them to the text it holds. */
const FIX_URI = 'archdoc:fix';
const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function editsOf(action: CodeAction): TextEdit[] {
  const edit = action.edit;
  if (!edit) return [];
  if (edit.changes) return Object.values(edit.changes).flat();
  // Fix-all edits are plain text edits; the loop never asks for versioned or snippet edits.
  return (edit.documentChanges ?? []).flatMap((change) => ('edits' in change ? change.edits.filter((e): e is TextEdit => 'newText' in e) : []));
}

/** Creates the engine. Each adapter creates one and keeps it for its lifetime. */
export function createLanguageService(): ArchdocLanguageService {
  const compiled = new Map<string, CompileResult>();

  const service: ArchdocLanguageService = {
    compileTemplate(text, options = {}) {
      const key = options.sidecar === undefined ? text : `${text}\u0000${JSON.stringify(options.sidecar)}`;
      let result = compiled.get(key);
      if (!result) {
        result = compileTemplate(text, options);
        if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
        compiled.set(key, result);
      }
      return result;
    },
    analyze: (text, schema) => analyze(parseDocument(text), schema),
    check: (analysis, settings, facts) => checkDocument(analysis, settings, facts),
    completion,
    hover,
    symbols: documentSymbols,
    outline,
    codeActions,
    fix(text, schema, options) {
      const settings = { severity: options.severity, selectedBy: options.selectedBy };
      const maxRounds = options.maxRounds ?? DEFAULT_FIX_ROUNDS;
      let current = text;
      let fixed = 0;
      for (let rounds = 0; ; rounds++) {
        const analysis = service.analyze(current, schema);
        const diagnostics = service.check(analysis, settings);
        const [action] =
          rounds < maxRounds
            ? codeActions(analysis, diagnostics, ORIGIN, { uri: FIX_URI, today: options.today, severity: options.severity, only: [FIX_ALL_KIND] })
            : [];
        const next = action ? applyEdits(current, editsOf(action)) : current;
        if (next === current) return { text: current, rounds, fixed, changed: current !== text, diagnostics };
        fixed += action?.diagnostics?.length ?? 0;
        current = next;
      }
    },
    render: renderDocument,
    sectionSkeleton,
    sectionGuide(schema, query, today) {
      const section = findSection(schema, query);
      return section && sectionGuide(schema, section, today);
    },
    sectionTitles,
    templateSummary,
  };
  return service;
}
