/**
 * Libraries and versions a document states: the entries of Third-Party Libraries
 * (`- **Name** (version): purpose`) and the `Name version` statements of Languages and
 * Frameworks / Technology Stack (`- **TypeScript**: 5.9`, `- **Framework**: React 17`), where
 * a server's name (Redis, MongoDB) states the server's version, not its client library's.
 * Lines that are still the template's text are left out.
 */
import type { Analysis } from '../../types.ts';
import { dependencyKey, type DependencyFact, type RepositoryFacts } from '../../facts.ts';
import { sectionsTitled, templateLines } from './sections.ts';

export interface StatedLibrary {
  readonly line: number;
  readonly name: string;
  readonly nameStart: number;
  /** The version as written (`5.9`, `^0.2`, `v1.9.1`), when one is stated. */
  readonly version?: string;
  readonly versionStart?: number;
}

const ENTRY = /^\s*[-*+]\s+\*\*([^*]+)\*\*(?:\s*\(([^)]*)\))?/;
const VERSION = /[~^]?v?\d+(?:\.(?:\d+|x|\*)){0,2}/;
const LABELLED = /^\s*[-*+]\s+\*\*([^*]+)\*\*\s*:\s*([~^]?v?\d+(?:\.(?:\d+|x|\*)){0,2})(?![\w.])/;
/** `React 17`, `Django 4.2`, `@nestjs/core v10`: a name followed by a version. */
const NAMED_VERSION = /(?<![\w@/.-])(@?[A-Za-z][\w./-]*)\s+([~^]?v?\d+(?:\.(?:\d+|x|\*)){0,2})(?![\w.])/g;

/**
 * Servers whose client libraries are published under the server's own name (`redis`, `mongodb`):
 * "Redis 7" in a stack names the server, whose version the client's does not follow.
 */
const SERVERS = new Set([
  'redis', 'mongodb', 'mongo', 'elasticsearch', 'opensearch', 'mysql', 'mariadb', 'postgres', 'postgresql', 'memcached',
  'cassandra', 'neo4j', 'rabbitmq', 'kafka', 'nats', 'etcd', 'consul', 'vault', 'influxdb', 'clickhouse', 'couchdb',
  'meilisearch', 'typesense', 'minio', 'valkey',
]);

function bodyLines(a: Analysis, titles: readonly string[]): number[] {
  const lines = new Set<number>();
  for (const title of titles) {
    for (const s of sectionsTitled(a, title)) for (let l = s.start; l < s.end; l++) lines.add(l);
  }
  const template = templateLines(a);
  return [...lines].filter((l) => !a.model.codeLines[l] && !template.has(l)).sort((x, y) => x - y);
}

/** The entries of Third-Party Libraries. */
export function libraryEntries(a: Analysis): StatedLibrary[] {
  const out: StatedLibrary[] = [];
  for (const line of bodyLines(a, ['Third-Party Libraries'])) {
    const text = a.model.lines[line];
    const m = ENTRY.exec(text);
    if (!m) continue;
    const name = m[1].trim();
    const nameStart = text.indexOf(m[1]);
    const v = m[2] === undefined ? undefined : VERSION.exec(m[2]);
    const versionStart = v ? text.indexOf(m[2], nameStart + m[1].length) + v.index : undefined;
    out.push({ line, name, nameStart, version: v?.[0], versionStart });
  }
  return out;
}

/** Every `name version` statement of the sections that state versions, library entries included. */
export function statedVersions(a: Analysis): StatedLibrary[] {
  const out: StatedLibrary[] = libraryEntries(a).filter((e) => e.version !== undefined);
  const seen = new Set(out.map((e) => `${e.line}:${dependencyKey(e.name)}`));
  const add = (s: StatedLibrary): void => {
    const key = `${s.line}:${dependencyKey(s.name)}`;
    if (seen.has(key) || SERVERS.has(dependencyKey(s.name))) return;
    seen.add(key);
    out.push(s);
  };
  for (const line of bodyLines(a, ['Technology Stack', 'Languages and Frameworks', 'Third-Party Libraries'])) {
    const text = a.model.lines[line];
    const labelled = LABELLED.exec(text);
    if (labelled) {
      const nameStart = text.indexOf(labelled[1]);
      add({ line, name: labelled[1].trim(), nameStart, version: labelled[2], versionStart: text.indexOf(labelled[2], nameStart + labelled[1].length) });
    }
    const plain = text.replace(/\*\*|__|`/g, (m) => ' '.repeat(m.length));
    for (const m of plain.matchAll(NAMED_VERSION)) {
      add({ line, name: m[1], nameStart: m.index, version: m[2], versionStart: m.index + m[0].length - m[2].length });
    }
  }
  return out.sort((x, y) => x.line - y.line || x.nameStart - y.nameStart);
}

/** The dependencies a stated name stands for (`Express.js` is `express`), or none. */
export function declaredAs(facts: RepositoryFacts, name: string): readonly DependencyFact[] {
  const key = dependencyKey(name);
  for (const candidate of [key, key.replace(/-js$/, ''), key.replace(/^node-/, '')]) {
    const found = facts.dependencies.get(candidate);
    if (found?.length) return found;
  }
  return [];
}
