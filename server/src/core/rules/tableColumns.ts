import { lineRange } from '../text.ts';
import type { Rule } from './rule.ts';

/** A table row whose cell count differs from its header's (cells counted the GFM way). */
export const tableColumns: Rule = {
  code: 'table-columns',
  description: 'A table row\'s column count differs from its header\'s.',
  severity: 'warning',
  fixable: true,
  tags: ['tables'],
  check(a, report) {
    for (const table of a.model.tables) {
      for (const row of table.rows) {
        if (row.cells === table.columns) continue;
        report({
          range: lineRange(a.model.lines, row.line),
          message: `Table row has ${row.cells} cell${row.cells === 1 ? '' : 's'}; the header has ${table.columns}`,
          data: { code: 'table-columns', expected: table.columns, actual: row.cells },
        });
      }
    }
  },
};
