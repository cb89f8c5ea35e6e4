/**
 * A rule is one check: it reads the analysis and reports findings. Rules know nothing of
 * severities, suppression comments or each other; `check.ts` applies those uniformly.
 */
import type { Analysis, DiagnosticCode, DiagnosticData, Range } from '../types.ts';

export interface Finding {
  readonly range: Range;
  readonly message: string;
  readonly data: DiagnosticData;
}

export interface Rule {
  readonly code: DiagnosticCode;
  /** Whether an unfilled placeholder on the same line silences this rule there. */
  readonly quietOnPlaceholderLines?: boolean;
  /** The severity its findings get, at most, while the document is a draft (see `isDraft` in `check.ts`). */
  readonly whileDraft?: 'hint';
  check(analysis: Analysis, report: (finding: Finding) => void): void;
}
