/**
 * Runs every rule over an analysis and turns findings into LSP diagnostics: severity from
 * settings, suppression comments honoured, and rules that yield to an unfilled placeholder
 * kept quiet on its line.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Analysis, CheckSettings, DiagnosticCode, SeverityName } from './types.ts';
import { RULES } from './rules/index.ts';
import { isSuppressed } from './parse/suppressions.ts';
import type { DriftFacts } from './facts.ts';
import { documentStatus, driftSeverity } from './drift/sections.ts';

export const DEFAULT_SEVERITY: Readonly<Record<DiagnosticCode, SeverityName>> = {
  placeholder: 'warning',
  'template-text': 'information',
  'missing-section': 'warning',
  'section-order': 'warning',
  'duplicate-section': 'warning',
  'heading-typo': 'warning',
  'heading-level': 'warning',
  'empty-section': 'warning',
  'invalid-value': 'error',
  'invalid-date': 'error',
  'missing-field': 'warning',
  'table-columns': 'warning',
  'extra-section': 'off',
  'template-error': 'error',
  // The repository checks' severity follows the document's Status (see `driftSeverity`); this
  // is what an Active document gets.
  'stale-path': 'warning',
  'undocumented-path': 'warning',
  'undocumented-env': 'warning',
  'unused-env': 'warning',
  'unknown-dependency': 'warning',
  'version-mismatch': 'warning',
  'stale-date': 'warning',
  'broken-link': 'warning',
};

/** The codes of the repository checks, which need repository facts. */
export const REPOSITORY_CODES: ReadonlySet<DiagnosticCode> = new Set(RULES.filter((r) => r.repository).map((r) => r.code));

const LSP_SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The document's diagnostics. With `facts` (gathered by an adapter), the repository checks run
 * too; a code's severity setting wins over the one the document's Status gives them.
 */
export function checkDocument(analysis: Analysis, settings: CheckSettings = {}, facts?: DriftFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { suppressions } = analysis.model;
  let statusSeverity: SeverityName | undefined;
  for (const rule of RULES) {
    if (rule.repository && !facts) continue;
    const severity =
      settings.severity?.[rule.code] ??
      (rule.repository ? (statusSeverity ??= driftSeverity(documentStatus(analysis))) : DEFAULT_SEVERITY[rule.code]);
    if (severity === 'off') continue;
    rule.check(analysis, (f) => {
      const line = f.range.start.line;
      if (rule.quietOnPlaceholderLines && analysis.placeholderLines.has(line)) return;
      if (isSuppressed(suppressions, rule.code, line)) return;
      out.push({ range: f.range, severity: LSP_SEVERITY[severity], code: rule.code, source: 'archdoc', message: f.message, data: f.data });
    }, { facts });
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}
