import { lineRange } from '../text.ts';
import type { Rule } from './rule.ts';
import { envTable } from '../analysis/repository/envTable.ts';

/**
 * The code reads an environment variable by its literal name (or a `.env.example` lists one)
 * that the Environment Variables table does not. Reported once per variable, on the header row.
 */
export const undocumentedEnv: Rule = {
  code: 'undocumented-env',
  description: 'The code reads an environment variable (or a `.env.example` lists one) that the Environment Variables table does not.',
  severity: 'warning',
  fixable: true,
  tags: ['repository'],
  repository: true,
  check(a, report, { facts }) {
    if (!facts) return;
    const env = envTable(a);
    // A table still holding only the template's examples is the template's to report.
    if (!env || (env.rows.length === 0 && env.templateRows > 0)) return;
    const listed = new Set(env.rows.map((r) => r.name));
    const { envReads, envExamples } = facts.repository;
    const needed = new Map<string, string>(envExamples);
    for (const [name, file] of envReads) needed.set(name, file);
    const lastRow = env.table.rows.length ? env.table.rows[env.table.rows.length - 1].line : env.table.headerLine + 1;
    for (const [name, file] of [...needed].sort(([x], [y]) => x.localeCompare(y))) {
      if (listed.has(name)) continue;
      const cells = [name, `Read by \`${file}\``, ...new Array<string>(Math.max(0, env.columns - 2)).fill('')];
      report({
        range: lineRange(a.model.lines, env.table.headerLine),
        message: `${name} is ${envReads.has(name) ? 'read by' : 'listed in'} ${file} but not in the Environment Variables table`,
        data: { code: 'undocumented-env', name, readBy: file, insertAt: { line: lastRow + 1, character: 0 }, text: `| ${cells.slice(0, Math.max(env.columns, 1)).join(' | ')} |\n` },
      });
    }
  },
};
