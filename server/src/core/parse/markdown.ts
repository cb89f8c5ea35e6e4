/**
 * The one markdown-it instance the engine parses with. Only the block phase runs: headings,
 * lists, tables, fences and reference definitions are all the structure checks need, and
 * skipping markdown-it's inline phase keeps a full check close to the cost of a bare parse.
 * Inline structure that matters (code spans and links around placeholders) is resolved
 * per line by `inline.ts`, only on lines that contain a candidate.
 */
import MarkdownIt, { type Env, type Token } from 'markdown-it';

const md = MarkdownIt('default', { html: true, linkify: false, typographer: false });
md.core.ruler.disable(['inline', 'text_join', 'linkify', 'replacements', 'smartquotes']);

export interface BlockParse {
  readonly tokens: Token[];
  /** Normalized labels of the reference definitions (`[label]: url`). */
  readonly references: ReadonlySet<string>;
}

export function parseBlocks(text: string): BlockParse {
  const env: Env = {};
  const tokens = md.parse(text, env);
  return { tokens, references: new Set(Object.keys(env.references ?? {})) };
}

export const normalizeReference: (label: string) => string = md.utils.normalizeReference;

export type { Token };
