/**
 * Paths of the repository by their trailing segments, so that a short name in prose
 * (`lib/db.ts` for `apps/api/src/lib/db.ts`, `schemas/` for `backend/src/schemas`) or a module
 * named without its extension (`shared/ui/Button` for `shared/ui/Button.tsx`) is known to
 * exist somewhere. Built once per repository's facts, so a keystroke re-check does no more work
 * than a lookup.
 */
import type { RepositoryFacts } from '../../facts.ts';

interface SuffixIndex {
  /** Every trailing run of segments of every file and directory (`a/b/c` gives `c`, `b/c`, `a/b/c`). */
  readonly suffixes: ReadonlySet<string>;
  /** The same for files with the extension of their last segment removed. */
  readonly stems: ReadonlySet<string>;
}

const INDEX = new WeakMap<RepositoryFacts, SuffixIndex>();

function addSuffixes(path: string, into: Set<string>): void {
  into.add(path);
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) into.add(path.slice(slash + 1));
}

function indexOf(facts: RepositoryFacts): SuffixIndex {
  let index = INDEX.get(facts);
  if (!index) {
    const suffixes = new Set<string>();
    const stems = new Set<string>();
    for (const dir of facts.directories) addSuffixes(dir, suffixes);
    for (const file of facts.files) {
      addSuffixes(file, suffixes);
      const dot = file.lastIndexOf('.');
      if (dot > file.lastIndexOf('/') + 1) addSuffixes(file.slice(0, dot), stems);
    }
    index = { suffixes, stems };
    INDEX.set(facts, index);
  }
  return index;
}

/** Whether some file or directory of the repository ends with the segments of `path` (no leading or trailing slash). */
export function endsSomePath(facts: RepositoryFacts, path: string): boolean {
  if (path === '') return false;
  const index = indexOf(facts);
  return index.suffixes.has(path) || index.stems.has(path);
}
