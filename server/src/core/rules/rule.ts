/**
 * A rule is one check: it reads the analysis and reports findings. Rules know nothing of
 * severities, suppression comments or each other; `check.ts` applies those uniformly.
 *
 * A rule also describes itself. The code list, the default severities, the settings in
 * package.json, the README's table and the SARIF rules are all made from these descriptions
 * (`npm run generate`), so a rule's description is written once, here.
 */
import type { Analysis, DiagnosticCode, DiagnosticData, Range, SeverityName } from '../types.ts';
import type { DriftFacts } from '../facts.ts';

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

/** What a check knows beyond the document: the repository's facts, when an adapter gathered them. */
export interface RuleContext {
  readonly facts?: DriftFacts;
}

/** What a diagnostic code means, for people and tools: its documentation page is `docs/rules/<code>.md`. */
export interface RuleInfo {
  readonly code: DiagnosticCode;
  /** One sentence saying what a finding means; shown in settings, SARIF and the README. */
  readonly description: string;
  /** The severity when no setting changes it. */
  readonly severity: SeverityName;
  /** Whether findings get a quick fix (some are also applied by fix-all and `archdoc check --fix`; the page says which). */
  readonly fixable: boolean;
  /** Groups for people and SARIF viewers: `structure`, `content`, `fields`, `tables`. */
  readonly tags?: readonly string[];
  /** False for a code whose severity no setting changes (a broken template is always an error). */
  readonly configurable?: boolean;
  /**
   * A repository check: it runs only when the check has repository facts, and with no severity
   * setting of its own its severity follows the document's Status (Draft: information; Active
   * or no Status: warning; Deprecated: off). `severity` is what an Active document gets.
   */
  readonly repository?: boolean;
}

export interface Rule extends RuleInfo {
  /** Whether an unfilled placeholder on the same line silences this rule there. */
  readonly quietOnPlaceholderLines?: boolean;
  check(analysis: Analysis, report: (finding: Finding) => void, context: RuleContext): void;
}
