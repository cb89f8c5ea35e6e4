/** The CLI's output formats: text for people, JSON for scripts, SARIF 2.1.0 for code scanning (GitHub annotations are in `github.ts`). */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { RULE_DOCS_BASE, RULE_INFO, ruleHref, type RuleInfo } from '../core/index.ts';

export interface FileResult {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** With `--fix`: how many problems were fixed in the file before these diagnostics were found. */
  readonly fixed?: number;
}

const SEVERITY_NAME: Record<DiagnosticSeverity, 'error' | 'warning' | 'information' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function severityName(d: Diagnostic): 'error' | 'warning' | 'information' | 'hint' {
  return SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Warning];
}

export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityName(d)} ${String(d.code)} ${d.message}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatJson(results: readonly FileResult[]): string {
  const files = results.map((r) => ({
    path: r.path,
    ...(r.fixed === undefined ? {} : { fixed: r.fixed }),
    diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: severityName(d), message: d.message, range: d.range, data: d.data })),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' } as const;

/** A rule as SARIF describes it, from the rule's own description: code scanning shows it beside each result. */
function sarifRule(r: RuleInfo): ReportingDescriptor {
  return {
    id: r.code,
    name: r.code,
    shortDescription: { text: r.description },
    helpUri: ruleHref(r.code),
    help: { text: `${r.description} See ${ruleHref(r.code)}` },
    defaultConfiguration: { enabled: r.severity !== 'off', level: SARIF_LEVEL[r.severity] },
    properties: { tags: [...(r.tags ?? [])], fixable: r.fixable },
  };
}

function ruleIndex(d: Diagnostic): { ruleIndex?: number } {
  const index = RULE_INFO.findIndex((rule) => rule.code === d.code);
  return index < 0 ? {} : { ruleIndex: index };
}

/** A diagnostic's message as plain text (LSP allows markup; the engine writes plain text). */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function formatSarif(results: readonly FileResult[], version: string): string {
  const sarif: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'archdoc',
            version,
            informationUri: RULE_DOCS_BASE,
            rules: RULE_INFO.map(sarifRule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.diagnostics.map((d): Result => ({
            ruleId: String(d.code),
            ...ruleIndex(d),
            level: SARIF_LEVEL[severityName(d)],
            message: { text: messageText(d) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.path.split('\\').join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
