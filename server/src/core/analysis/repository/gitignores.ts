/**
 * Paths the repository's `.gitignore` files ignore, matched with the `ignore` library the scanner
 * uses, so that a document may name build output (`dist/`) that a fresh clone does not have.
 */
import ignore, { type Ignore } from 'ignore';
import type { RepositoryFacts } from '../../facts.ts';

const MATCHERS = new WeakMap<RepositoryFacts, ReadonlyArray<readonly [string, Ignore]>>();

function matchers(facts: RepositoryFacts): ReadonlyArray<readonly [string, Ignore]> {
  let found = MATCHERS.get(facts);
  if (!found) {
    found = [...(facts.gitignores ?? new Map<string, string>())].map(([dir, text]) => [dir, ignore().add(text)] as const);
    MATCHERS.set(facts, found);
  }
  return found;
}

/** Whether a `.gitignore` ignores `path` (root-relative, no trailing slash), as a folder or a file. */
export function gitIgnored(facts: RepositoryFacts, path: string): boolean {
  if (!facts.gitignores?.size || path === '' || path.startsWith('../')) return false;
  for (const [dir, matcher] of matchers(facts)) {
    if (dir !== '' && !path.startsWith(`${dir}/`)) continue;
    const relative = dir === '' ? path : path.slice(dir.length + 1);
    try {
      if (matcher.ignores(relative) || matcher.ignores(`${relative}/`)) return true;
    } catch {
      // A path the library refuses (it must be relative and plain) is not one a .gitignore names.
    }
  }
  return false;
}
