/**
 * In-process timings, side by side on the same text: markdown-it's parse (the floor), ArchDoc's
 * full check, and markdownlint with its default rules and with only its required-headings rule.
 * The tools run in interleaved rounds, so that a slow spell of the machine hits them all alike.
 * The heap is not collected between samples: a forced collection shrinks the heap, and the next
 * parse, which allocates tens of megabytes, then pays for growing it again (about twice the
 * time of a parse on a warm heap), which no editor sees.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import type { Configuration } from 'markdownlint';
import { createLanguageService, type Schema } from '../server/src/core/index.ts';
import { summarize, type Summary } from './stats.ts';

const engine = createLanguageService();

export const TEMPLATE_PATH = path.join(__dirname, '..', 'server', 'templates', 'ARCHITECTURE.md');

export const TOOLS = ['markdown-it parse', 'ArchDoc check', 'markdownlint default', 'markdownlint MD043 only'] as const;
export type Tool = (typeof TOOLS)[number];

export interface InProcessResult {
  readonly lines: number;
  readonly warmup: number;
  readonly summaries: Record<Tool, Summary>;
  /** What each tool reported on the document, to show they all did real work. */
  readonly findings: Record<Tool, number>;
}

export function loadSchema(): Schema {
  const compiled = engine.compileTemplate(readFileSync(TEMPLATE_PATH, 'utf8'));
  if (!compiled.schema) throw new Error(`The bundled template does not compile: ${compiled.error}`);
  return compiled.schema;
}

/**
 * MD043's configuration from the template: its headings in order, each as written. The
 * document's own title stands where the template has its title, so that one is left open.
 */
function requiredHeadings(schema: Schema): string[] {
  const headings = schema.sections.map((s) => `${'#'.repeat(s.level)} ${s.title}`);
  return schema.root.title !== '' ? ['?', ...headings] : headings;
}

type Runner = (text: string) => number;

function runners(schema: Schema): Record<Tool, Runner> {
  const md = new MarkdownIt();
  const md043: Configuration = { default: false, MD043: { headings: requiredHeadings(schema) } };
  const errors = (text: string, config?: Configuration): number => lint({ strings: { doc: text }, config }).doc.length;
  return {
    'markdown-it parse': (text) => md.parse(text, {}).length,
    'ArchDoc check': (text) => engine.check(engine.analyze(text, schema)).length,
    'markdownlint default': (text) => errors(text),
    'markdownlint MD043 only': (text) => errors(text, md043),
  };
}

export interface Plan {
  readonly lines: number;
  readonly text: string;
  readonly warmup: number;
  /** Rounds are run until this many seconds have passed, within the bounds below. */
  readonly seconds: number;
  readonly minRounds: number;
  readonly maxRounds: number;
}

export function measureInProcess(schema: Schema, plans: readonly Plan[]): InProcessResult[] {
  const run = runners(schema);
  return plans.map(({ lines, text, warmup, seconds, minRounds, maxRounds }) => {
    const findings = {} as Record<Tool, number>;
    for (let i = 0; i < warmup; i++) for (const tool of TOOLS) findings[tool] = run[tool](text);
    const samples = Object.fromEntries(TOOLS.map((t) => [t, [] as number[]])) as Record<Tool, number[]>;
    const began = performance.now();
    for (let r = 0; r < maxRounds && (r < minRounds || performance.now() - began < seconds * 1000); r++) {
      for (const tool of TOOLS) {
        const start = performance.now();
        const output = run[tool](text);
        samples[tool].push(performance.now() - start);
        findings[tool] = output;
      }
    }
    const summaries = Object.fromEntries(TOOLS.map((t) => [t, summarize(samples[t])])) as Record<Tool, Summary>;
    return { lines, warmup, summaries, findings };
  });
}
