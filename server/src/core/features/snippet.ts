/**
 * Template text as an LSP snippet: placeholders become tab stops (enumerations a choice,
 * dates today's date), everything else is inserted literally.
 */
import type { Schema } from '../types.ts';

/** Escapes text so that a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function escapeChoice(value: string): string {
  return value.replace(/[\\,|$}]/g, '\\$&');
}

/** Matches any of the template's placeholders, longest first. */
export function placeholderPattern(schema: Schema): RegExp | undefined {
  const texts = [...new Set(schema.placeholders.map((p) => p.text))].sort((a, b) => b.length - a.length);
  if (texts.length === 0) return undefined;
  return new RegExp(texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
}

/** A counter of tab stops shared by the parts of one snippet. */
export class TabStops {
  private next = 1;
  get used(): number {
    return this.next - 1;
  }
  /** A tab stop with `text` as its (escaped) default. */
  stop(text: string): string {
    return `\${${this.next++}:${escapeSnippet(text)}}`;
  }
  choice(values: readonly string[]): string {
    return `\${${this.next++}|${values.map(escapeChoice).join(',')}|}`;
  }
}

/**
 * One line of template text as a snippet line. Placeholders become tab stops: a date one
 * defaults to `today`, an enumeration offers its values, any other keeps its bracketed text
 * so that leaving it unchanged is still reported.
 */
export function snippetLine(line: string, schema: Schema, today: string, stops: TabStops, pattern = placeholderPattern(schema)): string {
  if (!pattern) return escapeSnippet(line);
  let out = '';
  let last = 0;
  for (const match of line.matchAll(pattern)) {
    const spec = schema.placeholders.find((p) => p.text === match[0]);
    out += escapeSnippet(line.slice(last, match.index));
    if (spec?.kind === 'date') out += stops.stop(today);
    else if (spec?.kind === 'enum' && spec.values?.length) out += stops.choice(spec.values);
    else out += stops.stop(match[0]);
    last = (match.index ?? 0) + match[0].length;
  }
  return out + escapeSnippet(line.slice(last));
}

/** Template text of several lines as a snippet. */
export function templateSnippet(text: string, schema: Schema, today: string, stops = new TabStops()): string {
  const pattern = placeholderPattern(schema);
  return text
    .split('\n')
    .map((line) => snippetLine(line, schema, today, stops, pattern))
    .join('\n');
}
