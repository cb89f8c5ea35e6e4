/**
 * Dependencies declared by manifests: package.json, requirements*.txt, pyproject.toml (PEP 621,
 * PEP 735 groups and Poetry), go.mod and Cargo.toml; lockfiles are read in lockfiles.ts. Pure
 * functions of a file's text: a manifest that cannot be parsed yields nothing and a note,
 * never an exception.
 */
import { parse as parseToml } from 'smol-toml';
import type { DependencyFact } from '../core/index.ts';

export interface ManifestFacts {
  readonly dependencies: readonly DependencyFact[];
  /** The project's own name, when the manifest gives one. */
  readonly projectName?: string;
  /** Why the file could not be read, when it could not. */
  readonly error?: string;
}

type Ecosystem = DependencyFact['ecosystem'];
type Table = Record<string, unknown>;

const MANIFEST_NAMES = new Set(['package.json', 'pyproject.toml', 'go.mod', 'Cargo.toml']);

export function isManifest(name: string): boolean {
  return MANIFEST_NAMES.has(name) || /^requirements[\w.-]*\.txt$/i.test(name);
}

function table(value: unknown): Table {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};
}

function fact(name: string, ecosystem: Ecosystem, range: string, dev: boolean, manifest: string): DependencyFact {
  return { name, ecosystem, range, dev, manifest };
}

export function parseManifest(fileName: string, relPath: string, text: string): ManifestFacts {
  try {
    if (fileName === 'package.json') return packageJson(text, relPath);
    if (fileName === 'pyproject.toml') return pyproject(text, relPath);
    if (fileName === 'go.mod') return goMod(text, relPath);
    if (fileName === 'Cargo.toml') return cargoToml(text, relPath);
    return { dependencies: requirements(text, relPath, /dev|test|lint|doc/i.test(fileName)) };
  } catch (error) {
    return { dependencies: [], error: `${relPath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

function packageJson(text: string, manifest: string): ManifestFacts {
  const json = table(JSON.parse(text));
  const out: DependencyFact[] = [];
  for (const [field, dev] of [['dependencies', false], ['peerDependencies', false], ['optionalDependencies', false], ['devDependencies', true]] as const) {
    for (const [name, range] of Object.entries(table(json[field]))) {
      if (typeof range === 'string') out.push(fact(name, 'npm', range, dev, manifest));
    }
  }
  return { dependencies: out, projectName: typeof json.name === 'string' ? json.name : undefined };
}

/** A PEP 440 specifier (`>=2.0,<3`, `~=2.3`, `==1.4.*`) in semver range form. */
export function pep440ToSemver(spec: string): string {
  const clauses = spec.split(',').map((c) => c.trim()).filter(Boolean);
  const out: string[] = [];
  for (const clause of clauses) {
    const m = /^(~=|===|==|!=|>=|<=|>|<)?\s*v?([\w.*+-]+)$/.exec(clause);
    if (!m) return '';
    const [, op = '==', version] = m;
    if (op === '!=') continue;
    const bare = version.replace(/\.\*$/, '.x');
    if (op === '==' || op === '===') out.push(bare);
    else if (op === '~=') out.push(`${bare.split('.').length <= 2 ? '^' : '~'}${bare}`);
    else out.push(`${op}${bare}`);
  }
  return out.join(' ');
}

/** One PEP 508 requirement: `requests[socks]>=2.31 ; python_version > "3.8"`. */
function requirement(line: string, manifest: string, dev: boolean): DependencyFact | undefined {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:\(([^)]*)\)|([^;@]*))/.exec(line.trim());
  if (!m) return undefined;
  return fact(m[1], 'pypi', pep440ToSemver((m[2] ?? m[3] ?? '').trim()), dev, manifest);
}

function requirements(text: string, manifest: string, dev: boolean): DependencyFact[] {
  const out: DependencyFact[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s#.*$/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line)) continue;
    const dep = requirement(line, manifest, dev);
    if (dep) out.push(dep);
  }
  return out;
}

const DEV_GROUP = /dev|test|lint|doc|type|format|check/i;

function pyproject(text: string, manifest: string): ManifestFacts {
  const toml = table(parseToml(text));
  const project = table(toml.project);
  const out: DependencyFact[] = [];
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  for (const line of strings(project.dependencies)) {
    const dep = requirement(line, manifest, false);
    if (dep) out.push(dep);
  }
  const groups = [...Object.entries(table(project['optional-dependencies'])), ...Object.entries(table(toml['dependency-groups']))];
  for (const [group, lines] of groups) {
    for (const line of strings(lines)) {
      const dep = requirement(line, manifest, DEV_GROUP.test(group));
      if (dep) out.push(dep);
    }
  }
  const poetry = table(table(toml.tool).poetry);
  const poetryTables: Array<[Table, boolean]> = [[table(poetry.dependencies), false], [table(poetry['dev-dependencies']), true]];
  for (const [group, body] of Object.entries(table(poetry.group))) poetryTables.push([table(table(body).dependencies), group !== 'main']);
  for (const [deps, dev] of poetryTables) {
    for (const [name, spec] of Object.entries(deps)) {
      if (name.toLowerCase() === 'python') continue;
      const version = typeof spec === 'string' ? spec : table(spec).version;
      out.push(fact(name, 'pypi', typeof version === 'string' ? poetryRange(version) : '', dev, manifest));
    }
  }
  const name = typeof project.name === 'string' ? project.name : typeof poetry.name === 'string' ? poetry.name : undefined;
  return { dependencies: out, projectName: name };
}

/** Poetry writes semver-style ranges (`^2.31`), or PEP 440 ones (`>=2,<3`). */
function poetryRange(version: string): string {
  return /[=<>!~]=|,/.test(version) ? pep440ToSemver(version) : version;
}

function goMod(text: string, manifest: string): ManifestFacts {
  const out: DependencyFact[] = [];
  let module: string | undefined;
  let inRequire = false;
  for (const raw of text.split(/\r?\n/)) {
    const comment = raw.indexOf('//');
    const line = (comment < 0 ? raw : raw.slice(0, comment)).trim();
    const moduleLine = /^module\s+(\S+)/.exec(line);
    if (moduleLine) module = moduleLine[1].replace(/^"|"$/g, '');
    if (/^require\s*\($/.test(line)) {
      inRequire = true;
      continue;
    }
    if (inRequire && line === ')') {
      inRequire = false;
      continue;
    }
    const req = inRequire ? /^(\S+)\s+(v\S+)/.exec(line) : /^require\s+(\S+)\s+(v\S+)/.exec(line);
    if (req) out.push(fact(req[1], 'go', req[2].replace(/^v/, '').replace(/\+incompatible$/, ''), false, manifest));
  }
  return { dependencies: out, projectName: module?.split('/').pop() };
}

function cargoToml(text: string, manifest: string): ManifestFacts {
  const toml = table(parseToml(text));
  const out: DependencyFact[] = [];
  const read = (deps: unknown, dev: boolean): void => {
    for (const [key, spec] of Object.entries(table(deps))) {
      const body = table(spec);
      const name = typeof body.package === 'string' ? body.package : key;
      const version = typeof spec === 'string' ? spec : typeof body.version === 'string' ? body.version : '';
      // Cargo reads a bare `1.0` as `^1.0`.
      out.push(fact(name, 'cargo', /^\d/.test(version) ? `^${version}` : version, dev, manifest));
    }
  };
  read(toml.dependencies, false);
  read(toml['dev-dependencies'], true);
  read(toml['build-dependencies'], true);
  read(table(toml.workspace).dependencies, false);
  for (const target of Object.values(table(toml.target))) {
    read(table(target).dependencies, false);
    read(table(target)['dev-dependencies'], true);
  }
  const name = table(toml.package).name;
  return { dependencies: out, projectName: typeof name === 'string' ? name : undefined };
}
