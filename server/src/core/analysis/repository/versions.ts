/** Semver-aware agreement between a stated version and a manifest's declaration. */
import semver from 'semver';
import type { DependencyFact } from '../../facts.ts';

const OPTIONS = { includePrerelease: true, loose: true };

/**
 * Whether `stated` (`5.9`, `17`, `^0.2`) agrees with what the repository declares: the
 * lockfile's version when there is one (it is what is installed), else the manifest's range.
 * Undefined when either side is not something semver can compare (`workspace:*`, a git URL).
 */
export function agrees(stated: string, dep: DependencyFact): boolean | undefined {
  const range = semver.validRange(stated, OPTIONS);
  if (!range) return undefined;
  const locked = dep.locked === undefined ? null : semver.valid(semver.coerce(dep.locked, OPTIONS));
  if (locked) return semver.satisfies(locked, range, OPTIONS);
  const declared = semver.validRange(dep.range, OPTIONS);
  if (!declared || declared === '*' || declared === '') return undefined;
  return semver.intersects(range, declared, OPTIONS);
}

/** The version the repository uses, written like `stated`: as many parts, the same `v`/`^`/`~` prefix. */
export function rewrite(stated: string, dep: DependencyFact): string | undefined {
  const locked = dep.locked === undefined ? null : semver.coerce(dep.locked, OPTIONS);
  const declared = semver.validRange(dep.range, OPTIONS);
  const version = locked ?? (declared ? semver.minVersion(declared, OPTIONS) : null);
  if (!version) return undefined;
  const prefix = /^[~^]?v?/.exec(stated)?.[0] ?? '';
  const parts = stated.slice(prefix.length).split('.').length;
  return prefix + [version.major, version.minor, version.patch].slice(0, parts).join('.');
}

/** How a declaration reads in a message: `^18.2.0 in package.json (18.2.0 locked)`. */
export function describeDeclared(dep: DependencyFact): string {
  return `${dep.range || 'any version'} in ${dep.manifest}${dep.locked ? ` (${dep.locked} locked)` : ''}`;
}
