import type { Analysis } from '../types.ts';
import type { RepositoryFacts } from '../facts.ts';
import { lineRange } from '../text.ts';
import type { Rule } from './rule.ts';
import { codeTree, joinPath, pathExists, type CodeTree } from '../analysis/repository/tree.ts';
import { insertEntry } from '../analysis/repository/treeEdits.ts';
import { childDirectories } from '../analysis/repository/directories.ts';

/** One directory level the tree lists something at. */
interface Level {
  /** Names the tree lists directly under the directory. */
  readonly listed: Set<string>;
  /** The line findings go on: the directory's own entry, the root line or the opening fence. */
  readonly anchor: number;
  /** Entries that list children of this directory, and the path those entries are relative to. */
  readonly siblings: number[];
  readonly base: string;
}

/** The levels of the tree, by directory path (`''` for the root). */
function levels(tree: CodeTree, facts: RepositoryFacts): Map<string, Level> {
  const out = new Map<string, Level>();
  const level = (dir: string, anchor: number, base: string): Level => {
    let l = out.get(dir);
    if (!l) out.set(dir, (l = { listed: new Set(), anchor, siblings: [], base }));
    return l;
  };
  const rootAnchor = tree.rootLine ?? tree.fenceLine;
  tree.entries.forEach((entry, i) => {
    // A template entry the repository happens to have (`services/`) is listed all the same.
    if (entry.unchecked || (entry.template && !pathExists(facts, entry.path))) return;
    const parent = entry.parent >= 0 ? tree.entries[entry.parent] : undefined;
    const base = parent?.path ?? '';
    const parts = (base === '' ? entry.path : entry.path.slice(base.length + 1)).split('/');
    let dir = base;
    parts.forEach((part, depth) => {
      // A multi-part name (`server/src/core/`) lists each directory on the way.
      const anchor = depth === 0 ? (parent?.line ?? rootAnchor) : entry.line;
      const l = level(dir, anchor, base);
      l.listed.add(part);
      if (depth === 0 ? true : l.siblings.length === 0) l.siblings.push(i);
      dir = joinPath(dir, part);
    });
  });
  return out;
}

function written(level: Level, path: string): string {
  return level.base === '' ? path : path.slice(level.base.length + 1);
}

function check(a: Analysis, facts: RepositoryFacts, report: Parameters<Rule['check']>[1]): void {
  const tree = codeTree(a, facts);
  // A tree that is still the template's example (a fresh scaffold) is the template's to report.
  if (!tree || tree.entries.every((e) => e.template)) return;
  for (const [dir, level] of levels(tree, facts)) {
    if (dir !== '' && !facts.directories.has(dir)) continue;
    // The repository's top beside the one folder the tree is of is not the tree's subject.
    if (dir === '' && tree.ofFolder) continue;
    for (const name of childDirectories(facts, dir)) {
      if (level.listed.has(name) || tree.noted.get(dir)?.has(name)) continue;
      const path = joinPath(dir, name);
      const siblings = level.siblings.filter((i) => tree.entries[i].parent === tree.entries[level.siblings[0]].parent);
      const { insertAt, text } = insertEntry(tree, a.model.lines, siblings, written(level, path));
      report({
        range: lineRange(a.model.lines, level.anchor),
        message: `${path}/ exists but the Code Organization tree does not list it`,
        data: { code: 'undocumented-path', path, insertAt: { line: insertAt, character: 0 }, text },
      });
    }
  }
}

/** A directory exists where the tree lists its siblings, but the tree does not list it. */
export const undocumentedPath: Rule = {
  code: 'undocumented-path',
  description: 'A directory exists where the Code Organization tree lists its siblings, but the tree does not list it.',
  severity: 'warning',
  fixable: true,
  tags: ['repository'],
  repository: true,
  check(a, report, { facts }) {
    if (facts) check(a, facts.repository, report);
  },
};
