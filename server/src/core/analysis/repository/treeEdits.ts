/**
 * Edits to the Code Organization tree that keep its style: removing an entry with its subtree
 * (the previous sibling takes over a closing `└──`), and the line that lists a new directory
 * among its siblings (a glyph tree gets `├──`, so no other line has to change).
 */
import type { LineEdit } from '../../types.ts';
import { range } from '../../text.ts';
import type { CodeTree, TreeEntry } from './tree.ts';

const CLOSING = new Set(['└', '`']);
const CONTINUING: Record<string, string> = { '└': '├', '`': '|' };
const CLOSE_OF: Record<string, string> = { '├': '└', '|': '`', '+': '`' };

/** The edits that remove entry `index` and everything under it. */
export function removeEntry(tree: CodeTree, lines: readonly string[], index: number): LineEdit[] {
  const entry = tree.entries[index];
  const last = tree.entries[entry.end - 1];
  const edits: LineEdit[] = [{ range: range(entry.line, 0, last.line + 1, 0), newText: '' }];
  const glyph = entry.glyphColumn >= 0 ? lines[entry.line][entry.glyphColumn] : '';
  if (!CLOSING.has(glyph)) return edits;
  // The entry closed its level: the previous sibling now does, and its subtree loses the bar.
  const previous = previousSibling(tree, index);
  if (previous === undefined) return edits;
  const sibling = tree.entries[previous];
  const own = lines[sibling.line][sibling.glyphColumn];
  const closed = CLOSE_OF[own];
  if (closed === undefined) return edits;
  edits.push({ range: range(sibling.line, sibling.glyphColumn, sibling.line, sibling.glyphColumn + 1), newText: closed });
  for (let line = sibling.line + 1; line < entry.line; line++) {
    const c = lines[line][sibling.glyphColumn];
    if (c === '│' || c === '|') edits.push({ range: range(line, sibling.glyphColumn, line, sibling.glyphColumn + 1), newText: ' ' });
  }
  return edits;
}

function previousSibling(tree: CodeTree, index: number): number | undefined {
  const parent = tree.entries[index].parent;
  for (let i = index - 1; i >= 0 && i > parent; i--) if (tree.entries[i].parent === parent && tree.entries[i].end === index) return i;
  return undefined;
}

/**
 * Where and how to list directory `name` under the entries `siblings` (which all share one parent),
 * `written` being the name to write relative to that parent. It goes before the first sibling
 * that sorts after it; when it sorts last, before the closing sibling of a glyph tree, or after
 * the last sibling's subtree otherwise.
 */
export function insertEntry(tree: CodeTree, lines: readonly string[], siblings: readonly number[], written: string): { insertAt: number; text: string } {
  const entries = tree.entries;
  const first = siblings.find((i) => entries[i].name.replace(/\/$/, '').localeCompare(written) > 0);
  const lastIndex = siblings[siblings.length - 1];
  const last = entries[lastIndex];
  let before = first;
  if (before === undefined && last.glyphColumn >= 0 && CLOSING.has(lines[last.line][last.glyphColumn])) before = lastIndex;
  if (before !== undefined) {
    const at = entries[before];
    return { insertAt: at.line, text: `${continuing(at, lines)}${written}/\n` };
  }
  const end = entries[last.end - 1].line + 1;
  return { insertAt: end, text: `${continuing(last, lines)}${written}/\n` };
}

/** The entry's prefix with a closing glyph turned into a continuing one. */
function continuing(entry: TreeEntry, lines: readonly string[]): string {
  if (entry.glyphColumn < 0) return entry.prefix;
  const glyph = lines[entry.line][entry.glyphColumn];
  const replaced = CONTINUING[glyph] ?? glyph;
  return entry.prefix.slice(0, entry.glyphColumn) + replaced + entry.prefix.slice(entry.glyphColumn + 1);
}
