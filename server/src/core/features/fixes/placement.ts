/**
 * Where inserted sections may go. A heading inserted inside a code block or an HTML block that
 * runs past blank lines (an unclosed `<!--`, `<script>`, …) is not a heading at all; a heading
 * inserted inside another section's body at its own level or deeper cuts that section in two,
 * and the second half (a custom section's text, say) ends up under the inserted heading.
 */
import type { Analysis, DocModel } from '../../types.ts';
import { headingAt } from '../shared.ts';

/** HTML blocks that only their closer ends (CommonMark kinds 1 to 5); a blank line ends the others. */
const RAW_BLOCKS: ReadonlyArray<{ readonly open: RegExp; readonly close: RegExp }> = [
  { open: /^ {0,3}<!--/, close: /-->/ },
  { open: /^ {0,3}<\?/, close: /\?>/ },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
  { open: /^ {0,3}<![A-Za-z]/, close: />/ },
  { open: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, close: /<\/(?:script|pre|style|textarea)>/i },
];

const openAtEnd = new WeakMap<DocModel, boolean>();

/** Whether the document ends inside an HTML block that only its closer would end. */
function endsInOpenRawBlock(model: DocModel): boolean {
  const known = openAtEnd.get(model);
  if (known !== undefined) return known;
  let close: RegExp | undefined;
  model.lines.forEach((text, line) => {
    // The parser leaves the document's last, empty line out of the block that runs to the end.
    if (!model.codeLines[line] && text.trim() === '') return;
    if (!model.codeLines[line] || model.fenceContent[line]) {
      close = undefined;
      return;
    }
    if (close) {
      if (close.test(text)) close = undefined;
      return;
    }
    const block = RAW_BLOCKS.find((b) => b.open.test(text));
    if (block && !block.close.test(text.slice(text.search(block.open) + 2))) close = block.close;
  });
  openAtEnd.set(model, close !== undefined);
  return close !== undefined;
}

/** Whether text inserted at the start of `line` would be code or raw HTML rather than markdown. */
export function insideRawText(model: DocModel, line: number): boolean {
  const atEnd = line >= model.lines.length || (line === model.lines.length - 1 && model.lines[line] === '');
  if (atEnd) return model.endsInOpenFence || endsInOpenRawBlock(model);
  return model.codeLines[line] === 1 && model.codeLines[line - 1] === 1;
}

/**
 * The first line at or after `line` where a heading of `level` cuts no section's text in two:
 * past the end of every section whose body text goes on after `line` and would end at that
 * heading. Just before a heading it stays: that is where the diagnostic means it to go, unless
 * a section it cuts off there would be left with nothing (undefined then: no place is right).
 */
export function sectionBoundary(model: DocModel, line: number, level: number): number | undefined {
  let next = line;
  while (next < model.lines.length && model.lines[next].trim() === '') next++;
  const beforeHeading = next < model.lines.length && model.headings[headingAt(model, next)]?.line === next;
  let at = line;
  for (let i = headingAt(model, at - 1); i >= 0; i = model.headings[i].parent) {
    const h = model.headings[i];
    if (h.level < level || h.line >= at || h.endLine <= at) continue;
    if (!beforeHeading) at = h.endLine;
    else if (!hasText(model, h.range.end.line + 1, at)) return undefined;
  }
  return at;
}

/**
 * Whether a heading of `level` inserted at `line` would leave a section that holds the line with
 * nothing: as markdown nests the headings, and as the template does (a `### System Architecture`
 * written a level too deep still holds the `### Testing Strategy` after it).
 */
export function emptiesSection(a: Analysis, line: number, level: number): boolean {
  const { model } = a;
  const cut = (i: number, own: number, end: number): boolean => own >= level && model.headings[i].line < line && end > line && !hasText(model, model.headings[i].range.end.line + 1, line);
  for (let i = headingAt(model, line - 1); i >= 0; i = model.headings[i].parent) if (cut(i, model.headings[i].level, model.headings[i].endLine)) return true;
  for (let i = headingAt(model, line - 1); i >= 0; i = a.parents[i]) if (cut(i, a.matches[i]?.section.level ?? model.headings[i].level, a.ends[i])) return true;
  return false;
}

function hasText(model: DocModel, from: number, to: number): boolean {
  for (let line = from; line < to; line++) if (model.lines[line].trim() !== '') return true;
  return false;
}

/** A comment that silences the line after it. */
const NEXT_LINE_COMMENT = /^\s*<!--\s*archdoc-disable-next-line\b.*-->\s*$/;

/**
 * `line`, or the line of the `archdoc-disable-next-line` comment just above it: text inserted
 * between the comment and its line would take the comment's silence away from that line.
 */
export function aboveSuppression(model: DocModel, line: number): number {
  return line > 0 && line <= model.lines.length && NEXT_LINE_COMMENT.test(model.lines[line - 1] ?? '') ? line - 1 : line;
}
