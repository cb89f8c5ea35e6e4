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

/** Each code's severity when no setting changes it, as its rule describes it. */
export const DEFAULT_SEVERITY = Object.fromEntries(RULE_INFO.map((r) => [r.code, r.severity])) as Readonly<Record<DiagnosticCode, SeverityName>>;

/** The page explaining a code, for `Diagnostic.codeDescription` and SARIF's `helpUri`. */
export function ruleHref(code: DiagnosticCode): string {
  return `${RULE_DOCS_BASE}${code}.md`;
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
  for (const rule of RULES) {
    const severity = settings.severity?.[rule.code] ?? DEFAULT_SEVERITY[rule.code];
    if (severity === 'off') continue;
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
    });
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}
