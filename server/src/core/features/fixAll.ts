/**
 * The fixes for a diagnostic, and fix-all: every certain fix (see `fixes/certainty.ts`)
 * applied, and the document checked again, until nothing changes. Fix-all never inserts,
 * moves, renames or re-levels a section, so the document's heading tree stays as written.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../analyze.ts';
import { checkDocument } from '../check.ts';
import { parseDocument } from '../parse/document.ts';
import type { CheckSettings, DiagnosticCode, Schema } from '../types.ts';
import { applyEdits } from './edits.ts';
import { CERTAIN_CODES, certaintyOf } from './fixes/certainty.ts';
import { addMissingField } from './fixes/fieldFixes.ts';
import type { Fix, FixContext, FixProvider } from './fixes/fix.ts';
import { removeSectionGuidance } from './fixes/sectionGuidance.ts';
import { fixHeadingLevel, renameHeading } from './fixes/headingFixes.ts';
import { addEnvRow, addUndocumentedPath, removeEnvRow, removeStalePath, setLastUpdated, setVersion } from './fixes/driftFixes.ts';
import { missingSectionFixes } from './fixes/missingFixes.ts';
import { fillEmptySection, moveSection } from './fixes/sectionFixes.ts';
import { resizeTableRow } from './fixes/tableFixes.ts';
import { fillPlaceholder, replaceInvalidDate, replaceInvalidValue } from './fixes/valueFixes.ts';

const PROVIDERS: Partial<Record<DiagnosticCode, FixProvider>> = {
  placeholder: fillPlaceholder,
  'template-text': removeSectionGuidance,
  'missing-section': missingSectionFixes,
  'section-order': moveSection,
  'heading-typo': renameHeading,
  'heading-level': fixHeadingLevel,
  'empty-section': fillEmptySection,
  'invalid-value': replaceInvalidValue,
  'invalid-date': replaceInvalidDate,
  'missing-field': addMissingField,
  'table-columns': resizeTableRow,
  'stale-path': removeStalePath,
  'undocumented-path': addUndocumentedPath,
  'undocumented-env': addEnvRow,
  'unused-env': removeEnvRow,
  'version-mismatch': setVersion,
  'stale-date': setLastUpdated,
};

/** The fixes offered for one diagnostic, best first. */
export function fixesFor(context: FixContext, diagnostic: Diagnostic): Fix[] {
  return PROVIDERS[diagnostic.code as DiagnosticCode]?.(context, diagnostic) ?? [];
}

/** The edits of every certain fix, at most one per line, and the diagnostics they resolve. */
export function certainFixes(context: FixContext): { edits: TextEdit[]; fixed: Diagnostic[] } {
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  const lines = new Set<number>();
  for (const diagnostic of context.all) {
    const line = diagnostic.range.start.line;
    if (!CERTAIN_CODES.has(diagnostic.code as DiagnosticCode) || lines.has(line)) continue;
    const fix = fixesFor(context, diagnostic).find((f) => certaintyOf(f.kind) === 'certain');
    if (!fix) continue;
    lines.add(line);
    edits.push(...fix.edits);
    fixed.push(diagnostic);
  }
  return { edits, fixed };
}

export interface FixAllResult {
  /** The document with every certain fix applied. */
  readonly text: string;
  /** How many fixes were applied, over every round. */
  readonly applied: number;
  /** Rounds that changed the text. */
  readonly rounds: number;
  /** The diagnostics of the final text. */
  readonly diagnostics: Diagnostic[];
}

/** Rounds after which fix-all stops, should fixes ever keep making work for each other. */
const MAX_ROUNDS = 8;

/**
 * Applies every certain fix to `text`, checks again and repeats until nothing changes (or
 * `maxRounds` rounds have changed it). Pure: the engine's `fix` (and so `archdoc check --fix`)
 * runs it; the editor's fix-all action applies one round.
 */
export function fixAll(text: string, schema: Schema, settings: CheckSettings = {}, maxRounds = MAX_ROUNDS): FixAllResult {
  let current = text;
  let applied = 0;
  for (let rounds = 0; ; rounds++) {
    const analysis = analyze(parseDocument(current), schema);
    const diagnostics = checkDocument(analysis, settings);
    // No certain fix writes today's date; the clock stays outside the core.
    const { edits, fixed } = rounds < maxRounds ? certainFixes({ analysis, today: '', all: diagnostics, severity: settings.severity }) : { edits: [], fixed: [] };
    const next = edits.length ? applyEdits(current, edits) : current;
    if (next === current) return { text: current, applied, rounds, diagnostics };
    applied += fixed.length;
    current = next;
  }
}
