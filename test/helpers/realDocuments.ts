/**
 * The corpus of real documents derived from the template (test/fixtures/real, see SOURCES.md),
 * their hand-made labels, and the figures of docs/accuracy.md computed from them. A finding is
 * keyed by what it is about: `missing-section|<section id>` for each section a missing-section
 * diagnostic names, `<code>|<the line it is on>` for the others.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { bundledSchema, engine, ROOT } from './core.ts';

export const REAL_DIR = path.join(ROOT, 'test', 'fixtures', 'real');

export type Label = 'true' | 'false' | 'debatable';

export interface Finding {
  readonly key: string;
  readonly severity: DiagnosticSeverity;
}

export interface RealDocument {
  readonly name: string;
  readonly text: string;
  readonly labels: Readonly<Record<string, Label>>;
}

export function realDocuments(): RealDocument[] {
  const labels = JSON.parse(readFileSync(path.join(REAL_DIR, 'labels.json'), 'utf8')) as Record<string, Record<string, Label>>;
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
    .sort()
    .map((f) => ({ name: f.slice(0, -3), text: readFileSync(path.join(REAL_DIR, f), 'utf8'), labels: labels[f.slice(0, -3)] ?? {} }));
}

/** The diagnostics `archdoc check` gives a document it finds by its name. */
export function checkAsFoundByName(text: string): Diagnostic[] {
  return engine.check(engine.analyze(text, bundledSchema()), { selectedBy: 'name' });
}

export function findingsOf(text: string, diagnostics: readonly Diagnostic[]): Finding[] {
  const lines = text.split('\n');
  return diagnostics.flatMap((d) => {
    const severity = d.severity ?? DiagnosticSeverity.Warning;
    if (d.code === 'missing-section') {
      const data = d.data as { sections?: Array<{ sectionId: string }>; sectionId: string };
      return (data.sections ?? [{ sectionId: data.sectionId }]).map((s) => ({ key: `missing-section|${s.sectionId}`, severity }));
    }
    return [{ key: `${String(d.code)}|${lines[d.range.start.line].trim()}`, severity }];
  });
}

export interface Figures {
  readonly documents: number;
  readonly medianWarnings: number;
  /** True findings over true and false ones, among warnings and errors (debatable ones left out). */
  readonly precision: number;
  readonly warningFindings: { readonly true: number; readonly false: number; readonly debatable: number };
  /** Labelled true gaps reported at information or above, of all labelled true gaps. */
  readonly recall: number;
  readonly trueGaps: number;
  /** Findings labelled false, at any severity. */
  readonly falseClaims: number;
  /** Findings with no label (must be none). */
  readonly unlabelled: readonly string[];
}

export function figures(docs: readonly RealDocument[], check: (text: string) => Diagnostic[] = checkAsFoundByName): Figures {
  const warnings: number[] = [];
  const counts = { true: 0, false: 0, debatable: 0 };
  let reportedTrue = 0;
  let trueGaps = 0;
  let falseClaims = 0;
  const unlabelled: string[] = [];
  for (const doc of docs) {
    const diagnostics = check(doc.text);
    warnings.push(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length);
    const found = findingsOf(doc.text, diagnostics);
    for (const f of found) {
      const label = doc.labels[f.key];
      if (!label) unlabelled.push(`${doc.name}: ${f.key}`);
      else if (label === 'false') falseClaims++;
      if (label && f.severity <= DiagnosticSeverity.Warning) counts[label]++;
    }
    const reported = new Set(found.filter((f) => f.severity <= DiagnosticSeverity.Information).map((f) => f.key));
    for (const [key, label] of Object.entries(doc.labels)) {
      if (label !== 'true') continue;
      trueGaps++;
      if (reported.has(key)) reportedTrue++;
    }
  }
  warnings.sort((a, b) => a - b);
  const mid = warnings.length >> 1;
  const median = warnings.length % 2 ? warnings[mid] : (warnings[mid - 1] + warnings[mid]) / 2;
  return {
    documents: docs.length,
    medianWarnings: median,
    precision: counts.true + counts.false === 0 ? 1 : counts.true / (counts.true + counts.false),
    warningFindings: counts,
    recall: trueGaps === 0 ? 1 : reportedTrue / trueGaps,
    trueGaps,
    falseClaims,
    unlabelled,
  };
}
