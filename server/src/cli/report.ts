/** The CLI's output formats: text for people, JSON for scripts, SARIF 2.1.0 for code scanning (GitHub annotations are in `github.ts`). */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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
    diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: severityName(d), message: d.message, range: d.range })),
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

/**
 * `artifactLocation` for a reported path: a relative path becomes a relative URI reference
 * against `%SRCROOT%` (the working directory), an absolute one a `file:` URI, with every
 * segment percent-encoded as `url.pathToFileURL` does, so spaces, `#`, `?` and `%` survive.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const href = pathToFileURL(path.resolve('/', file)).href;
  return { uri: href.slice('file:///'.length), uriBaseId: '%SRCROOT%' };
}

function sarifResult(r: FileResult, d: Diagnostic): Result {
  return {
    ruleId: String(d.code),
    ...ruleIndex(d),
    level: SARIF_LEVEL[severityName(d)],
    message: { text: messageText(d) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(r.path.split('\\').join('/')),
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      },
    ],
  };
}

/**
 * The SARIF log in pieces: the run around its results, then one result at a time. A document
 * with a million findings makes a log larger than the longest string V8 can hold, so the log
 * is never one string; the caller writes each piece as it comes.
 */
export function* sarifChunks(results: readonly FileResult[], version: string): Generator<string> {
  const RESULTS = '__archdoc_results__';
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
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: RESULTS as unknown as Result[],
      },
    ],
  };
  const [head, tail] = JSON.stringify(sarif, null, 2).split(JSON.stringify(RESULTS));
  yield head + '[';
  let first = true;
  for (const r of results) {
    for (const d of r.diagnostics) {
      yield (first ? '\n' : ',\n') + JSON.stringify(sarifResult(r, d));
      first = false;
    }
  }
  yield (first ? ']' : '\n      ]') + tail + '\n';
}

/** The whole SARIF log as one string, for small results. */
export function formatSarif(results: readonly FileResult[], version: string): string {
  return [...sarifChunks(results, version)].join('');
}
