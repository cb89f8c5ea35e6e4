import { range } from '../text.ts';
import type { Rule } from './rule.ts';
import { pathMentions } from '../analysis/repository/links.ts';
import { endsSomePath } from '../analysis/repository/pathSuffixes.ts';
import { joinPath, parentOf, pathExists, withoutTrailingSlashes } from '../analysis/repository/tree.ts';

/** Resolves `target` against `base` (both root-relative); undefined when it climbs out of the root. */
function resolve(base: string, target: string): string | undefined {
  const parts = base === '' ? [] : base.split('/');
  for (const part of withoutTrailingSlashes(target).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * A relative link, or a repository path in backticks, that points to nothing in the repository.
 * A backticked path also counts as found when it names the last segments of a path that exists
 * (`lib/db.ts` for `apps/api/src/lib/db.ts`), or a module without its extension.
 */
export const brokenLink: Rule = {
  code: 'broken-link',
  description: 'A relative link, or a repository path in backticks, points to nothing in the repository.',
  severity: 'warning',
  fixable: false,
  tags: ['repository'],
  repository: true,
  check(a, report, { facts }) {
    if (!facts) return;
    const repo = facts.repository;
    const docDir = parentOf(facts.document.path);
    const exists = (first: string): boolean => pathExists(repo, first) || pathExists(repo, joinPath(docDir, first));
    for (const mention of pathMentions(a, exists)) {
      const candidates =
        mention.kind === 'link'
          ? [mention.target.startsWith('/') ? resolve('', mention.target) : resolve(docDir, mention.target)]
          : [resolve('', mention.target), resolve(docDir, mention.target)];
      // A path that climbs out of the repository cannot be checked from inside it.
      if (candidates.some((c) => c === undefined || pathExists(repo, c))) continue;
      // Prose names a file by its last segments (`lib/db.ts`) or a module without its extension;
      // a path written from here (`./x`, `../x`) means that place only.
      if (mention.kind === 'code' && !/^\.\.?\//.test(mention.target) && endsSomePath(repo, withoutTrailingSlashes(mention.target))) continue;
      report({
        range: range(mention.line, mention.start, mention.line, mention.end),
        message: `${mention.target} points to nothing in the repository`,
        data: { code: 'broken-link', target: mention.target },
      });
    }
  },
};
