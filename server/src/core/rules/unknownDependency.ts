import { range } from '../text.ts';
import type { Rule } from './rule.ts';
import { declaredAs, libraryEntries } from '../analysis/repository/libraries.ts';

/** A library listed under Third-Party Libraries that no manifest of the repository declares. */
export const unknownDependency: Rule = {
  code: 'unknown-dependency',
  description: 'A library listed under Third-Party Libraries is declared by no manifest of the repository.',
  severity: 'warning',
  fixable: false,
  tags: ['repository'],
  repository: true,
  check(a, report, { facts }) {
    // With no manifest there is nothing to compare with: the check is skipped, not failed.
    if (!facts || facts.repository.manifests.length === 0) return;
    for (const entry of libraryEntries(a)) {
      if (declaredAs(facts.repository, entry.name).length > 0) continue;
      report({
        range: range(entry.line, entry.nameStart, entry.line, entry.nameStart + entry.name.length),
        message: `${entry.name} is declared by no manifest (${facts.repository.manifests.join(', ')})`,
        data: { code: 'unknown-dependency', name: entry.name },
      });
    }
  },
};
