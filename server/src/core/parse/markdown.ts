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

/** Receives the tokens of finished top-level blocks; the array is emptied once it returns. */
export type BlockSink = (tokens: Token[]) => void;

/** Tokens gathered before they are handed over: enough for a cheap hand-over, few enough to stay young. */
const BATCH = 4096;

/**
 * markdown-it's `ParserBlock.tokenize`, handing finished top-level blocks to the parse's sink
 * as it goes. Holding every token of a large document at once dominated the server's memory
 * (about 40 MB for 50,000 lines) and made the parse grow faster than linearly, as each major
 * collection marked the whole growing array. Between top-level blocks no rule refers back to
 * earlier tokens, so handing them over there changes nothing in what is parsed. Nested calls
 * (list items, block quotes) run at a deeper level and go to markdown-it's own loop.
 */
const tokenize = md.block.tokenize.bind(md.block);
md.block.tokenize = (state, startLine, endLine) => {
  const sink = (state.env as { sink?: BlockSink }).sink;
  if (!sink || state.level !== 0) return tokenize(state, startLine, endLine);
  const rules = md.block.ruler.getRules('');
  const maxNesting = state.md.options.maxNesting ?? 100;
  let line = startLine;
  let hasEmptyLines = false;
  while (line < endLine) {
    if (state.tokens.length >= BATCH && state.level === 0) {
      sink(state.tokens);
      state.tokens.length = 0;
    }
    state.line = line = state.skipEmptyLines(line);
    if (line >= endLine) break;
    if (state.sCount[line] < state.blkIndent) break;
    if (state.level >= maxNesting) {
      state.line = endLine;
      break;
    }
    const prevLine = state.line;
    let ok = false;
    for (let i = 0; i < rules.length; i++) {
      ok = rules[i](state, line, endLine, false);
      if (ok) {
        if (prevLine >= state.line) throw new Error("block rule didn't increment state.line");
        break;
      }
    }
    if (!ok) throw new Error('none of the block rules matched');
    state.tight = !hasEmptyLines;
    if (state.isEmpty(state.line - 1)) hasEmptyLines = true;
    line = state.line;
    if (line < endLine && state.isEmpty(line)) {
      hasEmptyLines = true;
      line++;
      state.line = line;
    }
  }
};

/**
 * Parses `text` block by block: `sink` receives the tokens in document order, in runs of whole
 * top-level blocks. Returns the normalized labels of the reference definitions (`[label]: url`).
 */
export function parseBlocks(text: string, sink: BlockSink): ReadonlySet<string> {
  const env: Env = { sink };
  const rest = md.parse(text, env);
  if (rest.length > 0) sink(rest);
  return new Set(Object.keys(env.references ?? {}));
}

export const normalizeReference: (label: string) => string = md.utils.normalizeReference;

export type { Token };
