/**
 * Which fixes an editor may apply unasked. Every fix has a kind, and every kind is classified
 * here, once:
 *
 * - `certain`: the edit can't change what the document says or how its headings nest, and
 *   there is exactly one right answer (`2025/6/1` written as `2025-06-01`, an empty surplus
 *   cell dropped). Fix-all (`source.fixAll.archdoc`, `archdoc check --fix`) applies these.
 * - `structural`: the edit changes the heading tree (inserts, moves, renames or re-levels a
 *   section). Offered one at a time, never applied in bulk: on real documents a rename or a
 *   level change breaks the nesting the author chose.
 * - `choice`: a person has to decide (which value, which date, which cell was left out,
 *   whether guidance may go, whether to silence a rule).
 */
import type { DiagnosticCode } from '../../types.ts';

export type FixKind =
  | 'insert-section'
  | 'insert-all-sections'
  | 'move-section'
  | 'rename-heading'
  | 'set-heading-level'
  | 'fill-section'
  | 'mark-section'
  | 'mark-not-applicable'
  | 'opt-in'
  | 'opt-out'
  | 'choose-value'
  | 'insert-date'
  | 'write-iso-date'
  | 'add-field'
  | 'add-all-fields'
  | 'pad-row'
  | 'trim-row'
  | 'trim-empty-cells'
  | 'remove-template-line'
  | 'disable-line'
  | 'disable-file'
  | 'remove-stale-path'
  | 'add-path'
  | 'add-env-row'
  | 'remove-env-row'
  | 'set-version'
  | 'set-last-updated';

export type Certainty = 'certain' | 'structural' | 'choice';

interface KindInfo {
  readonly certainty: Certainty;
  /** The code of the diagnostics this kind fixes; none for fixes that apply to every code. */
  readonly code?: DiagnosticCode;
}

const KINDS: Readonly<Record<FixKind, KindInfo>> = {
  'insert-section': { certainty: 'structural', code: 'missing-section' },
  'insert-all-sections': { certainty: 'structural', code: 'missing-section' },
  'move-section': { certainty: 'structural', code: 'section-order' },
  'rename-heading': { certainty: 'structural', code: 'heading-typo' },
  'set-heading-level': { certainty: 'structural', code: 'heading-level' },
  // The template's content for an empty section brings its subsections' headings.
  'fill-section': { certainty: 'structural', code: 'empty-section' },
  'mark-section': { certainty: 'choice', code: 'missing-section' },
  'mark-not-applicable': { certainty: 'choice', code: 'missing-section' },
  // Whether a document is checked at all is its author's call.
  'opt-in': { certainty: 'choice', code: 'missing-section' },
  'opt-out': { certainty: 'choice', code: 'missing-section' },
  'choose-value': { certainty: 'choice' },
  // Today is a guess at the date a person meant.
  'insert-date': { certainty: 'choice' },
  'write-iso-date': { certainty: 'certain', code: 'invalid-date' },
  'add-field': { certainty: 'choice', code: 'missing-field' },
  'add-all-fields': { certainty: 'choice', code: 'missing-field' },
  // Padding at the end can't know which cell was left out.
  'pad-row': { certainty: 'choice', code: 'table-columns' },
  // Dropping cells with text in them loses that text.
  'trim-row': { certainty: 'choice', code: 'table-columns' },
  'trim-empty-cells': { certainty: 'certain', code: 'table-columns' },
  'remove-template-line': { certainty: 'choice', code: 'template-text' },
  'disable-line': { certainty: 'choice' },
  'disable-file': { certainty: 'choice' },
  // The repository checks' fixes change what the document claims: the author reviews each.
  'remove-stale-path': { certainty: 'choice', code: 'stale-path' },
  'add-path': { certainty: 'choice', code: 'undocumented-path' },
  'add-env-row': { certainty: 'choice', code: 'undocumented-env' },
  'remove-env-row': { certainty: 'choice', code: 'unused-env' },
  'set-version': { certainty: 'choice', code: 'version-mismatch' },
  'set-last-updated': { certainty: 'choice', code: 'stale-date' },
};

export function certaintyOf(kind: FixKind): Certainty {
  return KINDS[kind].certainty;
}

/**
 * The diagnostic codes that can have a certain fix, so that fix-all asks no other provider
 * (some verify their edits by checking the document again, which fix-all need not pay for).
 */
export const CERTAIN_CODES: ReadonlySet<DiagnosticCode> = new Set(
  Object.values(KINDS).flatMap((k) => (k.certainty === 'certain' && k.code ? [k.code] : [])),
);
