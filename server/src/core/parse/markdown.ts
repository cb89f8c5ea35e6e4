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

/**
 * markdown-it's published build lowers Token's class fields to `defineProperty` helper calls,
 * which made building tokens the largest single cost of a check. This instance builds its
 * block tokens with plain assignments instead: the same fields, set in the same order, on
 * Token's own prototype, so tokens behave and compare exactly as markdown-it's do.
 */
type Nesting = Token['nesting'];
const BlockToken = function (this: Token, type: string, tag: string, nesting: Nesting): void {
  this.map = null;
  this.level = 0;
  this.children = null;
  this.content = '';
  this.markup = '';
  this.info = '';
  this.block = false;
  this.hidden = false;
  this.type = type;
  this.tag = tag;
  this.attrs = null;
  this.nesting = nesting;
  this.meta = null;
} as unknown as new (type: string, tag: string, nesting: Nesting) => Token;
BlockToken.prototype = Object.getPrototypeOf(md.parse('token', {})[0]) as Token;

class BlockState extends md.block.State {
  /** markdown-it's `StateBlock.push`, with the token built as above. */
  override push(type: string, tag: string, nesting: Nesting): Token {
    const token = new BlockToken(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}
md.block.State = BlockState;

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
