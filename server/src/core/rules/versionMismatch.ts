import { range } from '../text.ts';
import type { Rule } from './rule.ts';
import { declaredAs, statedVersions } from '../analysis/repository/libraries.ts';
import { agrees, describeDeclared, rewrite } from '../analysis/repository/versions.ts';

/**
 * A version stated for a library or framework that disagrees with the manifest or lockfile.
 * Names that no manifest declares (PostgreSQL, AWS) are not checked here.
 */
export const versionMismatch: Rule = {
  code: 'version-mismatch',
  description: 'A version stated for a library or framework disagrees with the manifest or lockfile.',
  severity: 'warning',
  fixable: true,
  tags: ['repository'],
  repository: true,
  check(a, report, { facts }) {
    if (!facts || facts.repository.manifests.length === 0) return;
    for (const stated of statedVersions(a)) {
      if (stated.version === undefined || stated.versionStart === undefined) continue;
      const deps = declaredAs(facts.repository, stated.name);
      const verdicts = deps.map((d) => agrees(stated.version as string, d));
      // In a monorepo one workspace agreeing is enough; nothing comparable means nothing to say.
      if (verdicts.some((v) => v !== false) || deps.length === 0) continue;
      const replacement = rewrite(stated.version, deps[0]) ?? stated.version;
      report({
        range: range(stated.line, stated.versionStart, stated.line, stated.versionStart + stated.version.length),
        message: `${stated.name} ${stated.version} disagrees with ${deps[0].name} ${describeDeclared(deps[0])}`,
        data: { code: 'version-mismatch', name: deps[0].name, declared: deps[0].range, replacement },
      });
    }
  },
};
