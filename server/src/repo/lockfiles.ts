/**
 * The versions lockfiles pin: package-lock.json (and npm-shrinkwrap.json), yarn.lock (v1 and
 * Berry), pnpm-lock.yaml (v5 to v9), Cargo.lock, poetry.lock and uv.lock. Pure functions of a
 * file's text; a lockfile that cannot be read pins nothing (the manifest's ranges are still
 * compared), never an exception.
 *
 * npm's keys are install paths (`node_modules/react`, `packages/web/node_modules/react`), so
 * that each workspace finds its own; pnpm's importers are written the same way. yarn pins by
 * descriptor, so its keys are `name@range` as manifests write them, plus the install path when
 * the lockfile holds one version of the name only.
 */
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { DependencyFact } from '../core/index.ts';

type Table = Record<string, unknown>;

/** The lockfiles of each ecosystem, nearest first within a folder. */
export const LOCKS_BY_ECOSYSTEM: Record<DependencyFact['ecosystem'], readonly string[]> = {
  npm: ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock'],
  cargo: ['Cargo.lock'],
  pypi: ['poetry.lock', 'uv.lock'],
  go: [],
};

const LOCK_NAMES: ReadonlySet<string> = new Set(Object.values(LOCKS_BY_ECOSYSTEM).flat());

export function isLockfile(name: string): boolean {
  return LOCK_NAMES.has(name);
}

function table(value: unknown): Table {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};
}

/** A version as lockfiles write it, without pnpm's peer suffix (`18.2.0(react@18.2.0)`, v5's `18.2.0_react@18.2.0`); undefined for links and paths. */
function plainVersion(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  const cut = text.search(/[(_]/);
  const version = (cut < 0 ? text : text.slice(0, cut)).trim();
  return /^\d/.test(version) ? version : undefined;
}

export function parseLockfile(fileName: string, text: string): Map<string, string> {
  try {
    switch (fileName) {
      case 'package-lock.json':
      case 'npm-shrinkwrap.json':
        return npmLock(text);
      case 'yarn.lock':
        return yarnLock(text);
      case 'pnpm-lock.yaml':
        return pnpmLock(text);
      default:
        return tomlLock(text);
    }
  } catch {
    return new Map();
  }
}

function npmLock(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const json = table(JSON.parse(text));
  for (const [key, value] of Object.entries(table(json.packages))) {
    const version = table(value).version;
    if (key !== '' && typeof version === 'string') out.set(key, version);
  }
  for (const [name, value] of Object.entries(table(json.dependencies))) {
    const version = table(value).version;
    if (typeof version === 'string' && !out.has(`node_modules/${name}`)) out.set(`node_modules/${name}`, version);
  }
  return out;
}

/** `name@range` (Berry: `name@npm:range`) into its name and the range a manifest writes. */
function descriptor(spec: string): { name: string; range: string } | undefined {
  const at = spec.indexOf('@', 1);
  if (at < 0) return undefined;
  return { name: spec.slice(0, at), range: spec.slice(at + 1).replace(/^npm:/, '') };
}

/** yarn.lock: Berry's is YAML with `__metadata`; v1's is its own format, one `version "x"` line per entry. */
function yarnLock(text: string): Map<string, string> {
  const entries: Array<{ specs: string[]; version: string }> = [];
  if (/^__metadata:/m.test(text)) {
    for (const [key, value] of Object.entries(table(parseYaml(text)))) {
      const version = plainVersion(table(value).version);
      if (key !== '__metadata' && version) entries.push({ specs: key.split(/,\s*/), version });
    }
  } else {
    let specs: string[] = [];
    for (const line of text.split(/\r?\n/)) {
      if (line === '' || line.startsWith('#')) continue;
      if (!/^\s/.test(line) && line.endsWith(':')) {
        specs = line.slice(0, -1).split(/,\s*/).map((s) => s.trim().replace(/^"|"$/g, ''));
        continue;
      }
      const version = /^\s+version:?\s+"?([^"\s]+)"?\s*$/.exec(line)?.[1];
      if (version && specs.length) {
        entries.push({ specs, version });
        specs = [];
      }
    }
  }
  const out = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  for (const { specs, version } of entries) {
    for (const spec of specs) {
      const d = descriptor(spec);
      if (!d) continue;
      out.set(`${d.name}@${d.range}`, version);
      byName.set(d.name, (byName.get(d.name) ?? new Set()).add(version));
    }
  }
  for (const [name, versions] of byName) if (versions.size === 1) out.set(`node_modules/${name}`, [...versions][0]);
  return out;
}

/** pnpm-lock.yaml: each importer's direct dependencies (v6+: `{ specifier, version }`; v5: a version), as install paths. */
function pnpmLock(text: string): Map<string, string> {
  const lock = table(parseYaml(text));
  const importers = lock.importers === undefined ? { '.': lock } : table(lock.importers);
  const out = new Map<string, string>();
  for (const [importer, body] of Object.entries(importers)) {
    const prefix = importer === '.' || importer === '' ? '' : `${importer.replace(/^\.\//, '').replace(/\/$/, '')}/`;
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      for (const [name, value] of Object.entries(table(table(body)[field]))) {
        const version = plainVersion(typeof value === 'object' ? table(value).version : value);
        if (version) out.set(`${prefix}node_modules/${name}`, version);
      }
    }
  }
  return out;
}

/** Cargo.lock, poetry.lock, uv.lock: `[[package]]` tables with a name and a version. */
function tomlLock(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const packages = table(parseToml(text)).package;
  for (const pkg of Array.isArray(packages) ? (packages as unknown[]) : []) {
    const { name, version } = table(pkg);
    if (typeof name === 'string' && typeof version === 'string' && !out.has(name)) out.set(name, version);
  }
  return out;
}
