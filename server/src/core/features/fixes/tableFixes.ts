/** Fixes for a table row whose cell count differs from its header's: pad it, or trim it. */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { plural } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';

/** Offsets of the pipes that separate or enclose cells, with `\|` not counted, as GFM splits cells. */
function pipes(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') out.push(i);
  }
  return out;
}

interface Resized {
  readonly row: string;
  /** Whether every cell taken away was empty, so that nothing written is lost. */
  readonly lossless: boolean;
}

function resizeRow(line: string, expected: number, actual: number): Resized | undefined {
  const trimmed = line.trimEnd();
  const positions = pipes(trimmed);
  const leading = trimmed.trimStart().startsWith('|');
  const trailing = positions.length > 0 && positions[positions.length - 1] === trimmed.length - 1 && trimmed.length > 1;
  if (expected > actual) return { row: (trailing ? trimmed : trimmed + ' |') + '  |'.repeat(expected - actual), lossless: false };
  // The pipe that closes cell `expected`: after the leading pipe, if any, there is one per cell.
  const closing = positions[expected - (leading ? 0 : 1)];
  if (closing === undefined) return undefined;
  return { row: trimmed.slice(0, closing + 1), lossless: /^[\s|]*$/.test(trimmed.slice(closing + 1)) };
}

export function resizeTableRow(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'table-columns');
  if (!data || data.expected < 1) return [];
  const { model } = context.analysis;
  const line = diagnostic.range.start.line;
  const resized = resizeRow(model.lines[line] ?? '', data.expected, data.actual);
  if (resized === undefined) return [];
  const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: model.lines[line].length } }, newText: resized.row };
  const count = Math.abs(data.expected - data.actual);
  if (data.expected > data.actual) return [{ kind: 'pad-row', title: `Add ${plural(count, 'empty cell')} at the end of the row`, edits: [edit], diagnostics: [diagnostic] }];
  if (resized.lossless) return [{ kind: 'trim-empty-cells', title: `Remove ${plural(count, 'empty cell')} at the end of the row`, edits: [edit], diagnostics: [diagnostic], preferred: true }];
  return [{ kind: 'trim-row', title: `Remove the last ${plural(count, 'cell')}`, edits: [edit], diagnostics: [diagnostic] }];
}
