/**
 * The markers a document can carry about itself: an opt-in (`archdoc: true` in front matter
 * or an `<!-- archdoc -->` comment), an opt-out (`archdoc: false` in front matter or an
 * `<!-- archdoc: false -->` comment, which never shows when the document is rendered), and a
 * per-file template (`archdoc-template: path` in front matter or `<!-- archdoc-template: path -->`).
 *
 * Every markdown file the editor opens is read here, so the scan is linear in the text: the
 * comments are found with `indexOf`, never with a regular expression that could retry each
 * `<!--` against the rest of a long line.
 */
import { readFrontMatterOf } from '../core/index.ts';

export interface DocumentMarkers {
  /** `true` opted in, `false` opted out, `undefined` said nothing. */
  readonly optIn: boolean | undefined;
  /** The per-file template path, as written. */
  readonly template: string | undefined;
}

const WHITESPACE = /\s/;
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && WHITESPACE.test(text[i])) i++;
  return i;
}

/** The end of the line holding `from`: the first line break at or after it, or the text's end. */
function lineEnd(text: string, from: number): number {
  LINE_BREAK.lastIndex = from;
  return LINE_BREAK.exec(text)?.index ?? text.length;
}

/** Whether `<!-- archdoc: false -->` starts at the colon after `archdoc`: `false`, then only white space before `-->`. */
function isOptOut(text: string, colon: number): boolean {
  const word = skipWhitespace(text, colon + 1);
  return text.startsWith('false', word) && text.startsWith('-->', skipWhitespace(text, word + 5));
}

/**
 * Reads the `<!-- archdoc -->` opt-in, the `<!-- archdoc: false -->` opt-out and the first
 * `<!-- archdoc-template: path -->`. The path and its `-->` stand on one line. Each character
 * is visited a bounded number of times: once a line is known to hold no `-->` after a marker,
 * the scan moves past that line.
 */
function readComments(text: string): { optIn: boolean; optOut: boolean; template: string | undefined } {
  let optIn = false;
  let optOut = false;
  let template: string | undefined;
  let lookForTemplate = true;
  let knownLineEnd = -1;
  let knownClose = -1;
  for (let open = text.indexOf('<!--'); open !== -1 && (!optIn || !optOut || lookForTemplate); open = text.indexOf('<!--', open + 4)) {
    const name = skipWhitespace(text, open + 4);
    if (!text.startsWith('archdoc', name)) continue;
    const after = skipWhitespace(text, name + 7);
    if (text.startsWith('-->', after)) {
      optIn = true;
    } else if (text[after] === ':') {
      if (isOptOut(text, after)) optOut = true;
    } else if (lookForTemplate && text.startsWith('-template', name + 7)) {
      const colon = skipWhitespace(text, name + 16);
      if (text[colon] !== ':') continue;
      let value = colon + 1;
      while (text[value] === ' ' || text[value] === '\t') value++;
      // The first `-->` after an earlier marker is also the first after this one, unless this one starts past it.
      if (knownClose < value) knownClose = text.indexOf('-->', value);
      const close = knownClose;
      if (close === -1) {
        lookForTemplate = false;
        continue;
      }
      if (knownLineEnd < value) knownLineEnd = lineEnd(text, value);
      if (close > knownLineEnd) {
        open = knownLineEnd - 3;
        continue;
      }
      template = text.slice(value, close).trim() || undefined;
      lookForTemplate = false;
    }
  }
  return { optIn, optOut, template };
}

/** Reads the markers; front matter wins over comments, and of the comments an opt-out wins over an opt-in. */
export function readMarkers(text: string): DocumentMarkers {
  const frontMatter = readFrontMatterOf(text).values;
  let optIn: boolean | undefined;
  const flag = frontMatter.get('archdoc');
  if (flag !== undefined) optIn = /^(true|yes|on)$/i.test(flag) ? true : /^(false|no|off)$/i.test(flag) ? false : undefined;
  let template = frontMatter.get('archdoc-template')?.trim() || undefined;
  const comments = readComments(text);
  if (optIn === undefined && (comments.optOut || comments.optIn)) optIn = !comments.optOut;
  template ??= comments.template;
  return { optIn, template };
}
