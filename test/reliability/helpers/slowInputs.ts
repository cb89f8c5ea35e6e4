/**
 * Inputs that made the engine superlinear, each as a function of a size `n` (in characters of
 * the repeated part, roughly). Shared by the slow-input suite, which times each at n and 4n and
 * fails on superlinear growth, and by `npm run bench`, which prints the times.
 */

export interface SlowInput {
  readonly name: string;
  /** Where the text goes: the document checked, or the template compiled. */
  readonly kind: 'document' | 'template';
  /** The size the suite starts from: big enough to be measured, small enough to stay fast. */
  readonly n: number;
  readonly build: (n: number) => string;
}

/** The n that makes `input.build(n)` about `chars` characters long (builders grow linearly in n). */
export function sizeFor(input: SlowInput, chars: number): number {
  const length = input.build(input.n).length;
  return Math.max(1, Math.round((input.n * chars) / length));
}

const repeat = (unit: string, n: number): string => unit.repeat(Math.max(1, Math.round(n / unit.length)));

/** One `<!-- archdoc-disable … -->` naming n/5 codes, above as many lines again. */
function manySuppressions(n: number): string {
  const count = Math.max(1, Math.round(n / 5));
  const codes = Array.from({ length: count }, (_, i) => `c${i}`).join(' ');
  return `<!-- archdoc-disable ${codes} -->\n` + '## Overview\n\ntext\n\n'.repeat(count);
}

export const SLOW_INPUTS: readonly SlowInput[] = [
  { name: 'field label, then stars', kind: 'document', n: 16_000, build: (n) => `**Status**: ${'*'.repeat(n)}a\n` },
  { name: 'field value split by spaces', kind: 'document', n: 64_000, build: (n) => `**Status**: x${' '.repeat(n)}y\n` },
  { name: 'heading, spaces, closing hashes', kind: 'document', n: 64_000, build: (n) => `## Overview${' '.repeat(n)}x #\n` },
  { name: 'front matter value split by spaces', kind: 'document', n: 64_000, build: (n) => `---\ntitle: a${' '.repeat(n)}b\n---\n# Architecture\n` },
  { name: 'nested images', kind: 'document', n: 32_000, build: (n) => `${'!['.repeat(n / 2)}x${']'.repeat(n / 2)}\n` },
  { name: 'code spans and placeholders on one line', kind: 'document', n: 64_000, build: (n) => repeat('`a` [B] ', n) + '\n' },
  { name: 'placeholder and date placeholder on one line', kind: 'document', n: 64_000, build: (n) => repeat('[Owner Name] YYYY-MM-DD ', n) + '\n' },
  { name: 'heading of open parentheses', kind: 'document', n: 32_000, build: (n) => `## ${repeat('(optional', n)}\n` },
  { name: 'one suppression naming many codes', kind: 'document', n: 12_000, build: manySuppressions },
  { name: 'unclosed HTML comment', kind: 'document', n: 64_000, build: (n) => `<!-- archdoc-template:${' '.repeat(n)}\n` },
  { name: 'template of identical headings', kind: 'template', n: 2_500, build: (n) => repeat('## A\n', n) },
  { name: 'template heading of spaces', kind: 'template', n: 64_000, build: (n) => `# T${' '.repeat(n)}x #\n## B\n` },
];

/** The template's own text repeated until it is `bytes` long: guidance on almost every line. */
export function guidanceDocument(template: string, bytes: number): string {
  let text = template;
  while (text.length < bytes) text += '\n' + template;
  return text;
}

/** A template of `count` top-level sections, each with a guidance line. */
export function wideTemplate(count: number): string {
  const sections = Array.from({ length: count }, (_, i) => `## Section ${i + 1}\n\nWhat section ${i + 1} of the system covers and why it matters here.\n`);
  return `# Architecture\n\nTechnical design documentation for [Project Name].\n\n${sections.join('\n')}`;
}
