/**
 * The Environment Variables table: the first table of that section, its variable column (the
 * one headed Variable, Name or Key, else the first), and the rows that name a variable. Rows
 * still holding the template's example (`API_KEY`) are left out.
 */
import type { Analysis, DocTable } from '../../types.ts';
import { tableCells } from '../../text.ts';
import { sectionsTitled, templateLines } from './sections.ts';

export interface EnvRow {
  readonly line: number;
  readonly name: string;
}

export interface EnvTable {
  readonly table: DocTable;
  readonly columns: number;
  /** Rows naming a variable, template rows excluded. */
  readonly rows: readonly EnvRow[];
  /** Whether any row is the template's own example. */
  readonly templateRows: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

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
  if (!table) return undefined;
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
  return { table, columns: header.length, rows, templateRows };
}
