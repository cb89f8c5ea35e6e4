/**
 * Turns what the scan found per file into the plain facts the core reads: one object, built
 * again after each change (the core caches by object identity).
 */
import { dependencyKey, type DependencyFact, type RepositoryFacts } from '../core/index.ts';
import { LOCKS_BY_ECOSYSTEM } from './lockfiles.ts';
import type { ManifestFacts } from './manifests.ts';

/** What one file contributed. */
export interface FileFacts {
  readonly reads?: readonly string[];
  readonly mentions?: readonly string[];
  readonly examples?: readonly string[];
  readonly manifest?: ManifestFacts;
  readonly lock?: ReadonlyMap<string, string>;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}


/** The version a lockfile in the manifest's folder or above (a workspace root) pins for `dep`. */
function lockedVersion(dep: DependencyFact, locks: ReadonlyMap<string, ReadonlyMap<string, string>>): string | undefined {
  const names = LOCKS_BY_ECOSYSTEM[dep.ecosystem];
  const manifestDir = dirOf(dep.manifest);
  for (let dir = manifestDir; ; dir = dirOf(dir)) {
    for (const name of names) {
      const lock = locks.get(dir === '' ? name : `${dir}/${name}`);
      if (!lock) continue;
      if (dep.ecosystem === 'npm') {
        const nested = manifestDir === dir ? '' : `${manifestDir.slice(dir === '' ? 0 : dir.length + 1)}/`;
        // Install paths (npm, pnpm), then the descriptor yarn pins by (`react@^18.2.0`).
        const version = lock.get(`${nested}node_modules/${dep.name}`) ?? lock.get(`${dep.name}@${dep.range}`) ?? lock.get(`node_modules/${dep.name}`);
        if (version) return version;
      } else {
        const version = lock.get(dep.name) ?? [...lock].find(([n]) => dependencyKey(n) === dependencyKey(dep.name))?.[1];
        if (version) return version;
      }
    }
    if (dir === '') return undefined;
  }
}

/** The keys a dependency is found by: its name, and for Go modules the last part of the path (`gin`, `chi`). */
function keysOf(dep: DependencyFact): string[] {
  const keys = [dependencyKey(dep.name)];
  if (dep.ecosystem === 'go') {
    const parts = dep.name.split('/').filter((p) => !/^v\d+$/.test(p));
    if (parts.length > 1) keys.push(dependencyKey(parts[parts.length - 1]));
  }
  return keys;
}

export function buildFacts(
  rootName: string,
  directories: ReadonlySet<string>,
  files: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
  perFile: ReadonlyMap<string, FileFacts>,
  gitignores: ReadonlyMap<string, string> = new Map(),
): RepositoryFacts {
  const envReads = new Map<string, string>();
  const envExamples = new Map<string, string>();
  const envMentions = new Set<string>();
  const locks = new Map<string, ReadonlyMap<string, string>>();
  const manifests: string[] = [];
  const projectNames: string[] = [];
  const paths = [...perFile.keys()].sort();
  for (const path of paths) {
    const f = perFile.get(path) as FileFacts;
    for (const name of f.reads ?? []) if (!envReads.has(name)) envReads.set(name, path);
    for (const name of f.examples ?? []) if (!envExamples.has(name)) envExamples.set(name, path);
    for (const name of f.mentions ?? []) envMentions.add(name);
    if (f.lock) locks.set(path, f.lock);
  }
  const dependencies = new Map<string, DependencyFact[]>();
  for (const path of paths) {
    const manifest = perFile.get(path)?.manifest;
    if (!manifest || manifest.error) continue;
    manifests.push(path);
    if (manifest.projectName) projectNames.push(manifest.projectName);
    for (const dep of manifest.dependencies) {
      const locked = lockedVersion(dep, locks);
      const full = locked ? { ...dep, locked } : dep;
      for (const key of keysOf(dep)) {
        const list = dependencies.get(key);
        if (list) list.push(full);
        else dependencies.set(key, [full]);
      }
    }
  }
  return {
    rootName,
    projectNames,
    directories: new Set(directories),
    files: new Set(files),
    excluded: new Set(excluded),
    gitignores: new Map(gitignores),
    envReads,
    envMentions,
    envExamples,
    dependencies,
    manifests,
  };
}
