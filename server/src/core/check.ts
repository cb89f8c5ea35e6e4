/**
 * Runs every rule over an analysis and turns findings into LSP diagnostics: severity from
 * settings, suppression comments honoured, and rules that yield to an unfilled placeholder
 * kept quiet on its line.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis, CheckSettings, DiagnosticCode, SeverityName } from './types.ts';
import { RULE_INFO, RULES } from './rules/index.ts';
import { RULE_DOCS_BASE } from './codes.ts';
import { isSuppressed } from './parse/suppressions.ts';
import { adaptedTreatment, policyFor, unrelatedNotice } from './fit.ts';
import type { Finding } from './rules/index.ts';
import type { DriftFacts } from './facts.ts';
import { documentStatus, driftSeverity } from './analysis/repository/sections.ts';
import { documentStatusValue } from './analysis/fieldValue.ts';

/** Each code's severity when no setting changes it, as its rule describes it. */
export const DEFAULT_SEVERITY = Object.fromEntries(RULE_INFO.map((r) => [r.code, r.severity])) as Readonly<Record<DiagnosticCode, SeverityName>>;

/** The page explaining a code, for `Diagnostic.codeDescription` and SARIF's `helpUri`. */
export function ruleHref(code: DiagnosticCode): string {
  return `${RULE_DOCS_BASE}${code}.md`;
}

const RANK: Record<SeverityName, number> = { off: 0, hint: 1, information: 2, warning: 3, error: 4 };

/** The quieter of two severities. */
function capped(configured: Exclude<SeverityName, 'off'>, cap: Exclude<SeverityName, 'off'> | undefined): Exclude<SeverityName, 'off'> {
  return cap !== undefined && RANK[cap] < RANK[configured] ? cap : configured;
}

/** The codes of the repository checks, which need repository facts. */
export const REPOSITORY_CODES: ReadonlySet<DiagnosticCode> = new Set(RULES.filter((r) => r.repository).map((r) => r.code));

const LSP_SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Whether the document is a draft: its Status field holds the first value the template allows
 * for it (the bundled template's `Draft`), which is what a new document starts with. Guidance
 * is expected in a draft, so rules that say `whileDraft` report more quietly.
 */
export function isDraft(analysis: Analysis): boolean {
  const field = analysis.schema.typedFields.find((f) => f.label.toLowerCase() === 'status' && f.kind !== 'date');
  const first = field?.values?.[0];
  // The same reading of the Status as the repository checks' (a note after the value is allowed).
  return first !== undefined && documentStatusValue(analysis) === first.toLowerCase();
}

/**
 * The document's diagnostics. With `facts` (gathered by an adapter), the repository checks run
 * too; a code's severity setting wins over the one the document's Status gives them.
 */
export function checkDocument(analysis: Analysis, settings: CheckSettings = {}, facts?: DriftFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { suppressions } = analysis.model;
  const policy = policyFor(analysis.fit, settings);
  const emit = (code: DiagnosticCode, severity: Exclude<SeverityName, 'off'>, f: Finding): void => {
    if (isSuppressed(suppressions, code, f.range.start.line)) return;
    const treatment = policy === 'adapted' ? adaptedTreatment(analysis, code, f.data) : 'keep';
    if (treatment === 'drop') return;
    const own = capped(severity, f.severity);
    const said = treatment === 'information' ? capped(own, 'information') : own;
    out.push({ range: f.range, severity: LSP_SEVERITY[said], code, codeDescription: { href: ruleHref(code) }, source: 'archdoc', message: f.message, data: f.data });
  };
  if (policy === 'unrelated') {
    // Another kind of architecture document: one notice, and nothing claimed about its content.
    const severity = settings.severity?.['missing-section'] ?? DEFAULT_SEVERITY['missing-section'];
    if (severity !== 'off') emit('missing-section', severity, unrelatedNotice(analysis));
    return out;
  }
  const draft = isDraft(analysis);
  let statusSeverity: SeverityName | undefined;
  for (const rule of RULES) {
    if (rule.repository && !facts) continue;
    let severity =
      settings.severity?.[rule.code] ??
      (rule.repository ? (statusSeverity ??= driftSeverity(documentStatus(analysis))) : DEFAULT_SEVERITY[rule.code]);
    if (severity === 'off') continue;
    // A Draft quiets what a new document is expected to hold. (Editors send every setting's
    // default as if it were chosen, so a configured severity can't be told from the default here.)
    if (draft && rule.whileDraft) severity = rule.whileDraft;
    rule.check(analysis, (f) => {
      if (rule.quietOnPlaceholderLines && analysis.placeholderLines.has(f.range.start.line)) return;
      emit(rule.code, severity as Exclude<SeverityName, 'off'>, f);
    }, { facts });
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}
