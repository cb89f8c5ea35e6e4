/**
 * Summaries of timing samples and the plain-text tables the benchmark prints.
 */

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, p95: percentile(sorted, 95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function kb(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`;
}

export function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** A markdown table, columns padded so it also reads well in a terminal. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly ('l' | 'r')[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const cell = (text: string, c: number): string => (align[c] === 'r' ? text.padStart(widths[c]) : text.padEnd(widths[c]));
  const line = (cells: readonly string[]): string => `| ${cells.map((t, c) => cell(t, c)).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (align[c] === 'r' ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
