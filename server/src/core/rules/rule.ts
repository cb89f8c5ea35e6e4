/**
 * A rule is one check: it reads the analysis and reports findings. Rules know nothing of
 * severities, suppression comments or each other; `check.ts` applies those uniformly.
 */
import type { Analysis, DiagnosticCode, DiagnosticData, Range } from '../types.ts';
import type { DriftFacts } from '../facts.ts';

export interface Finding {
  readonly range: Range;
  readonly message: string;
  readonly data: DiagnosticData;
}

/** What a check knows beyond the document: the repository's facts, when an adapter gathered them. */
export interface RuleContext {
  readonly facts?: DriftFacts;
}

export interface Rule {
  readonly code: DiagnosticCode;
  /** Whether an unfilled placeholder on the same line silences this rule there. */
  readonly quietOnPlaceholderLines?: boolean;
  /**
   * A repository check: it runs only when the check has repository facts, and with no severity
   * setting of its own its severity follows the document's Status.
   */
  readonly repository?: boolean;
  check(analysis: Analysis, report: (finding: Finding) => void, context: RuleContext): void;
}
