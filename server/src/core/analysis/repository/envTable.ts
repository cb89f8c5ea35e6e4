/**
 * The Environment Variables list of a document, written either way real documents write it:
 *
 * - a table: the first table of the section, its variable column (the one headed Variable, Name
 *   or Key, else the first), and the rows that name a variable;
 * - code blocks of `NAME=value` lines (```env, ```dotenv, ```bash, ```sh or unlabelled), as a
 *   `.env` file is written: each line that assigns a variable (`export` allowed) is one entry.
 *
 * Rows still holding the template's example (`API_KEY`) are left out.
 */
import type { Analysis, DocTable } from '../../types.ts';
import { tableCells } from '../../text.ts';
import { sectionsTitled, templateLines } from './sections.ts';

export interface EnvRow {
  readonly line: number;
  readonly name: string;
}

export interface EnvTable {
  /** The table, when the list is one; undefined for code blocks. */
  readonly table: DocTable | undefined;
  readonly columns: number;
  /** Rows naming a variable, template rows excluded. */
  readonly rows: readonly EnvRow[];
  /** Whether any row is the template's own example. */
  readonly templateRows: number;
  /** The line the findings of variables the list lacks are reported on: the table's header, the first block's fence. */
  readonly reportLine: number;
  /**
   * Where a missing variable goes and how it is written, in the list's own style; undefined
   * when the place is not certain (several blocks: which one a variable belongs to is the author's call).
   */
  readonly addition: ((name: string, readBy: string) => { line: number; text: string }) | undefined;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A `.env` line: `NAME=value`, `export NAME=value`. */
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/;
/** Fence languages whose blocks are `.env` files or shell assignments. */
const ENV_INFO = new Set(['', 'env', 'dotenv', 'bash', 'sh', 'shell', 'ini', 'properties', 'text', 'plaintext']);

/** The cell without the bold or code marks around it. */
function bare(cell: string): string {
  let start = 0;
  let end = cell.length;
  while (start < end && (cell[start] === '*' || cell[start] === '`')) start++;
  while (end > start && (cell[end - 1] === '*' || cell[end - 1] === '`')) end--;
  return cell.slice(start, end).trim();
}

export function envTable(a: Analysis): EnvTable | undefined {
  const section = sectionsTitled(a, 'Environment Variables')[0];
  if (!section) return undefined;
  const table = a.model.tables.find((t) => t.headerLine >= section.start && t.headerLine < section.end);
  if (!table) return envBlocks(a, section.start, section.end);
  const header = tableCells(a.model.lines[table.headerLine]);
  const found = header.findIndex((c) => /^(?:env(?:ironment)?\s*)?(?:variable|var|name|key)s?$/i.test(bare(c)));
  const column = found < 0 ? 0 : found;
  const template = templateLines(a);
  const rows: EnvRow[] = [];
  let templateRows = 0;
  for (const row of table.rows) {
    if (template.has(row.line)) {
      templateRows++;
      continue;
    }
    const name = bare(tableCells(a.model.lines[row.line])[column] ?? '');
    if (NAME.test(name)) rows.push({ line: row.line, name });
  }
  const columns = header.length;
  const lastRow = table.rows.length ? table.rows[table.rows.length - 1].line : table.headerLine + 1;
  const addition = (name: string, readBy: string): { line: number; text: string } => {
    const cells = [name, `Read by \`${readBy}\``, ...new Array<string>(Math.max(0, columns - 2)).fill('')];
    return { line: lastRow + 1, text: `| ${cells.slice(0, Math.max(columns, 1)).join(' | ')} |\n` };
  };
  return { table, columns, rows, templateRows, reportLine: table.headerLine, addition };
}

/** The section's code blocks of `NAME=value` lines, as one list. */
function envBlocks(a: Analysis, start: number, end: number): EnvTable | undefined {
  const { model } = a;
  const rows: EnvRow[] = [];
  const blocks: Array<{ open: number; close: number; exported: boolean }> = [];
  for (let line = start; line < end; line++) {
    if (!model.fenceContent[line]) continue;
    const open = line - 1;
    const info = /^\s*(?:`{3,}|~{3,})\s*([^\s`]*)/.exec(model.lines[open] ?? '');
    let close = line;
    while (close < end && model.fenceContent[close]) close++;
    const body = model.lines.slice(line, close);
    const assigned = body.map((l) => ASSIGNMENT.exec(l)?.[1]);
    // A block is the list when it is mostly assignments: a shell script that sets one variable is not.
    const meaningful = body.filter((l) => l.trim() !== '' && !l.trim().startsWith('#')).length;
    const count = assigned.filter((n) => n !== undefined).length;
    if (info && ENV_INFO.has(info[1].toLowerCase()) && count > 0 && count * 2 > meaningful) {
      assigned.forEach((name, k) => {
        if (name) rows.push({ line: line + k, name });
      });
      blocks.push({ open, close, exported: body.some((l) => /^\s*export\s/.test(l)) });
    }
    line = close;
  }
  if (blocks.length === 0) return undefined;
  // A block never closed has no place before its end to add a line to.
  const only = blocks.length === 1 && /^\s*(?:`{3,}|~{3,})\s*$/.test(model.lines[blocks[0].close] ?? '') ? blocks[0] : undefined;
  const addition = only
    ? (name: string): { line: number; text: string } => ({ line: only.close, text: `${only.exported ? 'export ' : ''}${name}=\n` })
    : undefined;
  return { table: undefined, columns: 1, rows, templateRows: 0, reportLine: blocks[0].open, addition };
}
