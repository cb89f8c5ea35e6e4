/**
 * A rule is one check: it reads the analysis and reports findings. Rules know nothing of
 * severities, suppression comments or each other; `check.ts` applies those uniformly.
 */
import type { Analysis, DiagnosticCode, DiagnosticData, Range, SeverityName } from '../types.ts';

export interface Finding {
  readonly range: Range;
  readonly message: string;
  readonly data: DiagnosticData;
  /**
   * At most this severity: a finding the rule is not sure of (a guessed match, a gap in a
   * document that adapts the template) is said more quietly than the configured severity.
   */
  readonly severity?: Exclude<SeverityName, 'off'>;
}

export interface Rule {
  readonly code: DiagnosticCode;
  /** Whether an unfilled placeholder on the same line silences this rule there. */
  readonly quietOnPlaceholderLines?: boolean;
  check(analysis: Analysis, report: (finding: Finding) => void): void;
}
