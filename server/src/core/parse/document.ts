/**
 * Parses a markdown document once into the model every rule and feature reads.
 * Never throws on user input: anything markdown-it accepts (which is any string) yields a model.
 */
import type { Range } from 'vscode-languageserver-types';
import type {
  DocEntry,
  DocEntryField,
  DocFieldLine,
  DocHeading,
  DocModel,
  DocTable,
  FoundPlaceholder,
} from '../types.ts';
import { range, splitLines, tableCells } from '../text.ts';
import { parseBlocks, normalizeReference, type Token } from './markdown.ts';
import { placeholderCandidates } from './inline.ts';
import { readFrontMatter } from './frontMatter.ts';
import { readSuppressions } from './suppressions.ts';

const ENTRY_OPEN = /^\s{0,3}(\*\*|__)(?!\s)/;
const FIELD_LINE = /^\s{0,3}(?:\*\*|__)([^*_:]+?)(?::(?:\*\*|__)|(?:\*\*|__):)[ \t]*(\S.*)?$/;
// Values end in `(\S.*)?$` and are trimmed afterwards: `(.*?)\s*$` would retry the trailing spaces once per character.
const LIST_FIELD = /^(\s*(?:[-*+]|\d+[.)])\s+)(?:\*\*|__)?([^\s*_:`[\]][^*_:`[\]]{0,59}?)(?::(?:\*\*|__)|(?:\*\*|__)?:)\s*(\S.*)?$/;

interface Scratch {
  readonly lines: string[];
  readonly codeLines: Uint8Array;
  readonly fenceContent: Uint8Array;
  readonly proseLines: Uint8Array;
  readonly listItemLines: Uint8Array;
  readonly tableRowLines: Uint8Array;
  readonly headings: Array<Omit<DocHeading, 'endLine' | 'parent'>>;
  readonly tables: DocTable[];
  readonly titles: Array<{ line: number; title: string; range: Range; titleRange: Range }>;
  readonly fieldLines: DocFieldLine[];
  /** Lines of thematic breaks (`---`): an entry never runs past one. */
  readonly breaks: number[];
  endsInOpenFence: boolean;
}

export function parseDocument(input: string): DocModel {
  // A byte order mark is no text: markdown-it parses the document without it (as CommonMark
  // renderers do, so `\uFEFF   ### Overview` is a heading, not an indented code block), while
  // the lines the columns are counted on hold a space in its place, so every column stays put.
  const bom = input.charCodeAt(0) === 0xfeff;
  const text = bom ? ' ' + input.slice(1) : input;
  const lines = splitLines(text);
  const front = readFrontMatter(lines);
  const source = front.endLine > 0 ? blankLines(lines, front.endLine) : bom ? input.slice(1) : input;
  const s: Scratch = {
    lines,
    codeLines: new Uint8Array(lines.length),
    fenceContent: new Uint8Array(lines.length),
    proseLines: new Uint8Array(lines.length),
    listItemLines: new Uint8Array(lines.length),
    tableRowLines: new Uint8Array(lines.length),
    headings: [],
    tables: [],
    titles: [],
    fieldLines: [],
    breaks: [],
    endsInOpenFence: false,
  };
  s.codeLines.fill(1, 0, front.endLine);
  const references = parseBlocks(source, (tokens) => walkTokens(tokens, s));
  const headings = linkHeadings(s.headings, lines.length);
  const isReference = (label: string): boolean => references.has(normalizeReference(label));
  return {
    text: input,
    lines,
    headings,
    codeLines: s.codeLines,
    fenceContent: s.fenceContent,
    endsInOpenFence: s.endsInOpenFence,
    proseLines: s.proseLines,
    tableLines: s.tableRowLines,
    tables: s.tables,
    entries: collectEntries(s, headings),
    fieldLines: s.fieldLines,
    placeholders: findPlaceholders(s, isReference),
    suppressions: readSuppressions(lines, s.fenceContent),
    frontMatter: front.values,
  };
}

function blankLines(lines: readonly string[], count: number): string {
  return '\n'.repeat(count) + lines.slice(count).join('\n');
}

function walkTokens(tokens: Token[], s: Scratch): void {
  let listDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const map = t.map;
    switch (t.type) {
      case 'heading_open':
        if (map && t.level === 0) addHeading(t, tokens[i + 1], s);
        if (map) s.proseLines.fill(1, map[0], map[1]);
        break;
      case 'fence':
      case 'code_block':
        if (map) {
          s.codeLines.fill(1, map[0], map[1]);
          if (t.type === 'fence') {
            const end = closedFenceEnd(s.lines, map, t.markup);
            s.fenceContent.fill(1, map[0] + 1, end);
            // An unclosed fence runs to the end of its container; at the top level, to the end of the document.
            s.endsInOpenFence = end === map[1] && t.level === 0 && !isClosingLine(s.lines[map[1] - 1], t.markup, map);
          }
        }
        break;
      case 'hr':
        if (map && t.level === 0) s.breaks.push(map[0]);
        break;
      case 'html_block':
        if (map) s.codeLines.fill(1, map[0], map[1]);
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'list_item_open':
        if (map) s.listItemLines[map[0]] = 1;
        break;
      case 'paragraph_open':
        if (map) {
          s.proseLines.fill(1, map[0], map[1]);
          if (listDepth === 0 && t.level === 0) readParagraph(map, s);
        }
        break;
      case 'table_open':
        if (map) i = readTable(tokens, i, s);
        break;
    }
  }
}

/**
 * Whether a line closes a fence opened with `markup`: at most three spaces of indentation, then
 * the fence's character at least as many times, then only white space (CommonMark). A line such
 * as "```sql" opens a fence; it never closes one.
 */
function closesFence(line: string, markup: string): boolean {
  const rest = line.trimStart();
  if (line.length - rest.length > 3) return false;
  const run = rest.trimEnd();
  if (run.length < markup.length) return false;
  for (const c of run) if (c !== markup[0]) return false;
  return true;
}

function isClosingLine(line: string | undefined, markup: string, map: [number, number]): boolean {
  return map[1] - 1 > map[0] && closesFence(line ?? '', markup);
}

/** The fence's last content line: a closed fence ends one line before its map does. */
function closedFenceEnd(lines: readonly string[], map: [number, number], markup: string): number {
  return isClosingLine(lines[map[1] - 1], markup, map) ? map[1] - 1 : map[1];
}

function addHeading(open: Token, inline: Token | undefined, s: Scratch): void {
  const [start, end] = open.map as [number, number];
  const level = Number(open.tag.slice(1));
  const setext = open.markup === '=' || open.markup === '-';
  const raw = s.lines[start] ?? '';
  const title = (inline?.content ?? '').trim();
  let textStart: number;
  let textEnd: number;
  if (setext) {
    textStart = raw.length - raw.trimStart().length;
    textEnd = raw.trimEnd().length;
  } else {
    const m = /^(\s*#+\s*)/.exec(raw);
    textStart = m ? m[1].length : 0;
    textEnd = textStart + headingTextEnd(raw.slice(textStart));
  }
  const lastLine = setext ? end - 1 : start;
  s.headings.push({
    line: start,
    level,
    text: title,
    setext,
    range: range(start, 0, lastLine, (s.lines[lastLine] ?? '').length),
    textRange: range(start, textStart, start, Math.max(textStart, textEnd)),
  });
}

/**
 * Where an ATX heading's text ends: before a closing sequence of `#` that follows white space,
 * and before trailing white space. Scanned from the end, as `/\s+#+\s*$/` would retry every
 * space of a long run.
 */
function headingTextEnd(text: string): number {
  const end = text.trimEnd().length;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === end || hashes === 0 || !/\s/.test(text[hashes - 1])) return end;
  return text.slice(0, hashes).trimEnd().length;
}

/**
 * A bold title line: `**Title**` or `__Title__` at the start, then anything. The closing marker
 * is the first one after a non-space character, found with `indexOf` rather than a lazy match.
 */
function entryTitle(line: string): [string, string, string, string] | undefined {
  const open = ENTRY_OPEN.exec(line);
  if (!open) return undefined;
  const marker = open[1];
  const start = open[0].length;
  for (let close = line.indexOf(marker, start + 1); close !== -1; close = line.indexOf(marker, close + 1)) {
    if (!/\s/.test(line[close - 1])) return [line, marker, line.slice(start, close), line.slice(close + 2)];
  }
  return undefined;
}

function readParagraph(map: [number, number], s: Scratch): void {
  const first = s.lines[map[0]] ?? '';
  const title = entryTitle(first);
  if (title && !title[3].trimStart().startsWith(':') && !title[2].endsWith(':')) {
    const open = first.indexOf(title[1]) + 2;
    s.titles.push({
      line: map[0],
      title: title[2].trim(),
      range: range(map[0], first.length - first.trimStart().length, map[0], first.trimEnd().length),
      titleRange: range(map[0], open, map[0], open + title[2].length),
    });
  }
  for (let line = map[0]; line < map[1]; line++) {
    const raw = s.lines[line] ?? '';
    const field = FIELD_LINE.exec(raw);
    if (!field) continue;
    const value = (field[2] ?? '').trimEnd();
    const valueStart = value ? raw.lastIndexOf(value) : raw.trimEnd().length;
    s.fieldLines.push({
      label: field[1].trim(),
      line,
      value,
      valueRange: range(line, valueStart, line, valueStart + value.length),
    });
  }
}

function readTable(tokens: Token[], open: number, s: Scratch): number {
  const map = open < tokens.length ? (tokens[open].map as [number, number]) : [0, 0];
  const headerLine = map[0];
  const columns = tableCells(s.lines[headerLine] ?? '').length;
  const rows: Array<{ line: number; cells: number }> = [];
  let i = open + 1;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const t = tokens[i];
    if (t.type === 'tr_open' && t.map && t.map[0] > headerLine) {
      rows.push({ line: t.map[0], cells: tableCells(s.lines[t.map[0]] ?? '').length });
    }
  }
  s.proseLines.fill(1, map[0], map[1]);
  s.tableRowLines.fill(1, map[0], map[1]);
  s.tables.push({ headerLine, columns, rows, endLine: map[1] });
  return i;
}

/** Gives each heading its section end and its enclosing heading. */
function linkHeadings(raw: Scratch['headings'], lineCount: number): DocHeading[] {
  const stack: number[] = [];
  const ends = new Array<number>(raw.length).fill(lineCount);
  const parents = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const h = raw[i];
    while (stack.length && raw[stack[stack.length - 1]].level >= h.level) ends[stack.pop() as number] = h.line;
    parents[i] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
  }
  // Built field by field: an object spread followed by more fields takes V8's slow path.
  return raw.map((h, i) => ({ line: h.line, level: h.level, text: h.text, setext: h.setext, range: h.range, textRange: h.textRange, endLine: ends[i], parent: parents[i] }));
}

/** Bold title lines become entries; each runs to the next title or heading and holds the list fields in it. */
function collectEntries(s: Scratch, headings: readonly DocHeading[]): DocEntry[] {
  const entries: DocEntry[] = [];
  let h = -1;
  let b = 0;
  for (let t = 0; t < s.titles.length; t++) {
    const title = s.titles[t];
    while (h + 1 < headings.length && headings[h + 1].line < title.line) h++;
    const nextHeading = h + 1 < headings.length ? headings[h + 1].line : s.lines.length;
    const nextTitle = t + 1 < s.titles.length ? s.titles[t + 1].line : s.lines.length;
    while (b < s.breaks.length && s.breaks[b] <= title.line) b++;
    const nextBreak = b < s.breaks.length ? s.breaks[b] : s.lines.length;
    const endLine = Math.min(nextHeading, nextTitle, nextBreak);
    const { fields, bullet } = readFields(s, title.line + 1, endLine);
    entries.push({ line: title.line, title: title.title, range: title.range, titleRange: title.titleRange, endLine, fields, bullet, heading: h });
  }
  return entries;
}

/**
 * An entry's fields are the items of the list that directly follows its title (blank lines
 * aside). A list further down, after a code block say, describes something else.
 */
function readFields(s: Scratch, from: number, to: number): { fields: DocEntryField[]; bullet: string } {
  const fields: DocEntryField[] = [];
  // The first field's style decides how a missing field is inserted: `- ` items or bold lines.
  let bullet: string | undefined;
  let listIndent = -1;
  let k = firstFieldLineAt(s.fieldLines, from);
  for (let line = from; line < to; line++) {
    const raw = s.lines[line];
    if (raw.trim() === '') continue;
    while (k < s.fieldLines.length && s.fieldLines[k].line < line) k++;
    const boldLine = k < s.fieldLines.length && s.fieldLines[k].line === line ? s.fieldLines[k] : undefined;
    if (boldLine) {
      // Fields written as bold-label lines (`**Context**: …`) instead of a list.
      bullet ??= '';
      fields.push({ name: boldLine.label, line, value: boldLine.value });
      continue;
    }
    const indent = indentOf(raw);
    if (s.listItemLines[line]) {
      if (listIndent < 0) listIndent = indent;
      if (indent !== listIndent) continue;
      const m = LIST_FIELD.exec(raw);
      if (!m) continue;
      bullet ??= m[1];
      fields.push({ name: m[2].trim(), line, value: (m[3] ?? '').trimEnd() });
      continue;
    }
    if (listIndent >= 0 && indent > listIndent) continue;
    break;
  }
  return { fields, bullet: bullet ?? '- ' };
}

/** Index of the first field line at or after `line` (field lines are in document order). */
function firstFieldLineAt(fieldLines: readonly DocFieldLine[], line: number): number {
  let lo = 0;
  let hi = fieldLines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fieldLines[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function findPlaceholders(s: Scratch, isReference: (label: string) => boolean): FoundPlaceholder[] {
  const found: FoundPlaceholder[] = [];
  for (let line = 0; line < s.lines.length; line++) {
    const inFence = s.fenceContent[line] === 1;
    if (!inFence && (!s.proseLines[line] || s.codeLines[line])) continue;
    const text = s.lines[line];
    for (const c of placeholderCandidates(text, isReference, inFence)) {
      found.push({
        text: c.text,
        range: range(line, c.start, line, c.end),
        kind: c.text === 'YYYY-MM-DD' ? 'date' : c.text.includes('|') ? 'enum' : 'text',
        inCode: inFence,
      });
    }
  }
  return found;
}
