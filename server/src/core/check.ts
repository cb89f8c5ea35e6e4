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
import type { DriftFacts } from './facts.ts';
import { documentStatus, driftSeverity } from './analysis/repository/sections.ts';

/** Each code's severity when no setting changes it, as its rule describes it. */
export const DEFAULT_SEVERITY = Object.fromEntries(RULE_INFO.map((r) => [r.code, r.severity])) as Readonly<Record<DiagnosticCode, SeverityName>>;

/** The page explaining a code, for `Diagnostic.codeDescription` and SARIF's `helpUri`. */
export function ruleHref(code: DiagnosticCode): string {
  return `${RULE_DOCS_BASE}${code}.md`;
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
  if (first === undefined) return false;
  const status = analysis.model.fieldLines.find((f) => f.label.toLowerCase() === 'status');
  if (status === undefined) return false;
  const value = status.value.trim().toLowerCase();
  // A note after the value (`Draft (until the review)`) is allowed, as the value rules allow it.
  return value === first.toLowerCase() || (value.startsWith(first.toLowerCase()) && /^\W/.test(value.slice(first.length)));
}

/**
 * The document's diagnostics. With `facts` (gathered by an adapter), the repository checks run
 * too; a code's severity setting wins over the one the document's Status gives them.
 */
export function checkDocument(analysis: Analysis, settings: CheckSettings = {}, facts?: DriftFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { suppressions } = analysis.model;
  const draft = isDraft(analysis);
  let statusSeverity: SeverityName | undefined;
  for (const rule of RULES) {
    if (rule.repository && !facts) continue;
    let severity =
      settings.severity?.[rule.code] ??
      (rule.repository ? (statusSeverity ??= driftSeverity(documentStatus(analysis))) : DEFAULT_SEVERITY[rule.code]);
    if (severity === 'off') continue;
    if (draft && rule.whileDraft) severity = rule.whileDraft;
    rule.check(analysis, (f) => {
      const line = f.range.start.line;
      if (rule.quietOnPlaceholderLines && analysis.placeholderLines.has(line)) return;
      if (isSuppressed(suppressions, rule.code, line)) return;
      out.push({
        range: f.range,
        severity: LSP_SEVERITY[severity],
        code: rule.code,
        codeDescription: { href: ruleHref(rule.code) },
        source: 'archdoc',
        message: f.message,
        data: f.data,
      });
    }, { facts });
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}
