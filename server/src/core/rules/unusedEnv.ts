import { lineRange } from '../text.ts';
import type { Rule } from './rule.ts';
import { envTable } from '../analysis/repository/envTable.ts';

/** A variable of the Environment Variables table (or `NAME=value` block) that no code reads and no `.env.example` lists. */
export const unusedEnv: Rule = {
  code: 'unused-env',
  description: 'A variable of the Environment Variables table (or `NAME=value` block) is read by no code and listed in no `.env.example`.',
  severity: 'warning',
  fixable: true,
  tags: ['repository'],
  repository: true,
  check(a, report, { facts }) {
    if (!facts) return;
    const env = envTable(a);
    if (!env) return;
    const { envReads, envExamples, envMentions } = facts.repository;
    for (const row of env.rows) {
      // A name spelled out in code that reads variables through a computed key may be read that way.
      if (envReads.has(row.name) || envExamples.has(row.name) || envMentions.has(row.name)) continue;
      report({
        range: lineRange(a.model.lines, row.line),
        message: `${row.name} is read by no code and listed in no .env.example`,
        data: { code: 'unused-env', name: row.name, line: row.line },
      });
    }
  },
};
