import { lineRange } from '../text.ts';
import type { Rule } from './rule.ts';
import { envTable } from '../analysis/repository/envTable.ts';

/**
 * The code reads an environment variable by its literal name (or a `.env.example` lists one)
 * that the Environment Variables table does not. Reported once per variable, on the table's header row (or the first block's fence).
 */
export const undocumentedEnv: Rule = {
  code: 'undocumented-env',
  description: 'The code reads an environment variable (or a `.env.example` lists one) that the Environment Variables table (or `NAME=value` block) does not.',
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
    for (const [name, file] of [...needed].sort(([x], [y]) => x.localeCompare(y))) {
      if (listed.has(name)) continue;
      const added = env.addition?.(name, file);
      report({
        range: lineRange(a.model.lines, env.reportLine),
        message: `${name} is ${envReads.has(name) ? 'read by' : 'listed in'} ${file} but not in the Environment Variables ${env.table ? 'table' : 'list'}`,
        data: { code: 'undocumented-env', name, readBy: file, ...(added ? { insertAt: { line: added.line, character: 0 }, text: added.text } : {}) },
      });
    }
  },
};
