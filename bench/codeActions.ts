/**
 * Code actions in process, on the inputs that once made them slow: a whole-document selection
 * over a document full of the template's guidance (every line a diagnostic in the range), the
 * light bulb on line 1 of a document checked against a template of 500 sections (all missing),
 * and fix-all over the same guidance document.
 */
import { createLanguageService, type Schema } from '../server/src/core/index.ts';
import { summarize, type Summary } from './stats.ts';
import { guidanceDocument, wideTemplate } from '../test/reliability/helpers/slowInputs.ts';

const engine = createLanguageService();

export interface ActionTiming {
  readonly measure: string;
  readonly bytes: number;
  readonly diagnostics: number;
  readonly actions: number;
  readonly summary: Summary;
}

const URI = 'file:///bench/ARCHITECTURE.md';

function time(rounds: number, run: () => number): { summary: Summary; output: number } {
  const samples: number[] = [];
  let output = 0;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    output = run();
    samples.push(performance.now() - start);
  }
  return { summary: summarize(samples), output };
}

function actionsTiming(measure: string, text: string, schema: Schema, line: number | 'all', rounds: number): ActionTiming {
  const analysis = engine.analyze(text, schema);
  const diagnostics = engine.check(analysis);
  const lines = text.split('\n').length;
  const range = line === 'all' ? { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } : { start: { line, character: 0 }, end: { line, character: 0 } };
  // A fresh diagnostics list per round, as for a new document version: nothing is answered from memory.
  const { summary, output } = time(rounds, () => engine.codeActions(analysis, [...diagnostics], range, { uri: URI, today: '2025-06-01', only: ['quickfix'] }).length);
  return { measure, bytes: text.length, diagnostics: diagnostics.length, actions: output, summary };
}

export function measureCodeActions(schema: Schema, template: string, rounds: number): ActionTiming[] {
  const guidance = guidanceDocument(template, 127 * 1024);
  const wide = engine.compileTemplate(wideTemplate(500)).schema;
  if (!wide) throw new Error('the 500-section template does not compile');
  const fixes = time(rounds, () => engine.fix(guidance, schema, { today: '2025-06-01' }).fixed);
  return [
    actionsTiming('quick fixes, whole document selected (guidance on every line)', guidance, schema, 'all', rounds),
    actionsTiming('quick fixes on line 1, 500-section template, all missing', '# Architecture\n\nWritten.\n', wide, 0, rounds),
    { measure: 'fixAll (certain fixes to a fixed point), same guidance document', bytes: guidance.length, diagnostics: 0, actions: fixes.output, summary: fixes.summary },
  ];
}
