/** Test helpers over the pure core: the bundled schema, a one-call check, and fixture expectations. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, readSidecar, sidecarName, type CheckSettings, type DriftFacts, type Diagnostic, type Schema } from '../../server/src/core/index.ts';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BUNDLED_TEMPLATE_PATH = path.join(ROOT, 'server', 'templates', 'ARCHITECTURE.md');

/** The engine every test helper goes through, as the adapters do. */
export const engine = createLanguageService();

let bundled: Schema | undefined;

/** The bundled template as the CLI and the server load it: with its sidecar of aliases. */
export function bundledSchema(): Schema {
  if (!bundled) {
    const sidecar = readSidecar(readFileSync(sidecarName(BUNDLED_TEMPLATE_PATH), 'utf8'));
    if (sidecar.error !== undefined) throw new Error(sidecar.error);
    const compiled = engine.compileTemplate(readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8'), { sidecar: sidecar.sidecar });
    if (!compiled.schema) throw new Error(compiled.error);
    bundled = compiled.schema;
  }
  return bundled;
}

export function schemaOf(templateText: string): Schema {
  const compiled = engine.compileTemplate(templateText);
  if (!compiled.schema) throw new Error(compiled.error);
  return compiled.schema;
}

/** Diagnostics of `text`; with `facts`, the repository checks run too. */
export function diagnose(text: string, schema: Schema = bundledSchema(), settings?: CheckSettings, facts?: DriftFacts): Diagnostic[] {
  return engine.check(engine.analyze(text, schema), settings, facts);
}

/** `line:code` pairs (1-based lines), sorted, for compact assertions. */
export function pairs(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${String(d.code)}`).sort(comparePairs);
}

export function comparePairs(a: string, b: string): number {
  const [la, ca] = a.split(':');
  const [lb, cb] = b.split(':');
  return Number(la) - Number(lb) || ca.localeCompare(cb);
}

const EXPECT = /[ \t]*<!-- expect: ([^>]*?) -->/g;

/**
 * Reads a fixture's inline expectations (`<!-- expect: code code -->` on the line they concern),
 * then removes the markers so that they can't influence the check.
 */
export function readFixture(text: string): { text: string; expected: string[] } {
  const expected: string[] = [];
  const lines = text.split('\n').map((line, i) =>
    line.replace(EXPECT, (_m, codes: string) => {
      for (const code of codes.split(/\s+/).filter(Boolean)) expected.push(`${i + 1}:${code}`);
      return '';
    }),
  );
  return { text: lines.join('\n'), expected: expected.sort(comparePairs) };
}
