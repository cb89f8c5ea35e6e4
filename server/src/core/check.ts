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

const LSP_SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function checkDocument(analysis: Analysis, settings: CheckSettings = {}): Diagnostic[] {
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
  for (const rule of RULES) {
    const severity = settings.severity?.[rule.code] ?? DEFAULT_SEVERITY[rule.code];
    if (severity === 'off') continue;
    rule.check(analysis, (f) => {
      if (rule.quietOnPlaceholderLines && analysis.placeholderLines.has(f.range.start.line)) return;
      emit(rule.code, severity, f);
    });
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}
