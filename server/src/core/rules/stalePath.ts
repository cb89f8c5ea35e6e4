import { range } from '../text.ts';
import type { Rule } from './rule.ts';
import { codeTree, pathExists } from '../analysis/repository/tree.ts';
import { removeEntry } from '../analysis/repository/treeEdits.ts';

/** An entry of the Code Organization tree names a path that does not exist in the repository. */
export const stalePath: Rule = {
  code: 'stale-path',
  description: 'An entry of the Code Organization tree names a path that does not exist in the repository.',
  severity: 'warning',
  fixable: true,
  tags: ['repository'],
  repository: true,
  check(a, report, { facts }) {
    if (!facts) return;
    const tree = codeTree(a, facts.repository);
    if (!tree) return;
    tree.entries.forEach((entry, i) => {
      if (entry.template || entry.unchecked || pathExists(facts.repository, entry.path)) return;
      report({
        range: range(entry.line, entry.nameStart, entry.line, entry.nameStart + entry.name.length),
        message: `${entry.path}${entry.dir ? '/' : ''} does not exist in the repository`,
        data: { code: 'stale-path', path: entry.path, edits: removeEntry(tree, a.model.lines, i) },
      });
    });
  },
};
