/** The directories of a repository by parent, built once per facts object. */
import type { RepositoryFacts } from '../../facts.ts';
import { parentOf } from './tree.ts';

const CHILDREN = new WeakMap<RepositoryFacts, Map<string, string[]>>();

/** The names of the directories directly under `dir` (`''` for the root), sorted. */
export function childDirectories(facts: RepositoryFacts, dir: string): readonly string[] {
  let index = CHILDREN.get(facts);
  if (!index) {
    index = new Map();
    for (const d of facts.directories) {
      const parent = parentOf(d);
      const name = parent === '' ? d : d.slice(parent.length + 1);
      const list = index.get(parent);
      if (list) list.push(name);
      else index.set(parent, [name]);
    }
    for (const list of index.values()) list.sort();
    CHILDREN.set(facts, index);
  }
  return index.get(dir) ?? [];
}
