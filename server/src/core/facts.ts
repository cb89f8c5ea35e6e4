/**
 * What the repository checks know about the repository: plain data gathered outside the core
 * (server/src/repo) and handed in with each check. The core never reads the disk or runs git;
 * a check with no facts simply skips the repository rules.
 */

/** One declared dependency of one manifest. */
export interface DependencyFact {
  /** The name as the manifest writes it (`@types/node`, `Flask`, `github.com/gin-gonic/gin`). */
  readonly name: string;
  readonly ecosystem: 'npm' | 'pypi' | 'go' | 'cargo';
  /** The range the manifest declares, in semver form when it could be converted (`^18.2.0`, `>=2.0.0 <3.0.0`). */
  readonly range: string;
  /** The version a lockfile pins, when there is one. */
  readonly locked?: string;
  /** A development-only dependency (devDependencies, dev-dependencies, optional dev groups). */
  readonly dev: boolean;
  /** The manifest's path relative to the root. */
  readonly manifest: string;
}

/** Facts about one repository, shared by every document in it. */
export interface RepositoryFacts {
  /** Folder name of the root, so that a tree whose first line names the repository is read as the root. */
  readonly rootName: string;
  /** Names the manifests give the project (package.json `name`, `[package] name`, the Go module). */
  readonly projectNames: readonly string[];
  /** Directories, relative to the root with `/` separators and no trailing slash; `''` is not included. */
  readonly directories: ReadonlySet<string>;
  readonly files: ReadonlySet<string>;
  /**
   * Paths that exist but are not listed above: git-ignored or dot-folders, and anything under them.
   * A document may mention them (no `stale-path`), but nobody has to document them.
   */
  readonly excluded: ReadonlySet<string>;
  /**
   * The text of each `.gitignore`, by the folder holding it (`''` for the root). A path they
   * ignore (`dist/`, `node_modules/`) is build output or local state: a document may name it
   * although a fresh clone does not have it.
   */
  readonly gitignores?: ReadonlyMap<string, string>;
  /** Environment variables the code reads by a literal name, each with the first file that reads it. */
  readonly envReads: ReadonlyMap<string, string>;
  /**
   * Names shaped like variables (`"API_TOKEN"`) written as strings in files that also read the
   * environment through a computed key: they may be read that way, so they are not called unused.
   */
  readonly envMentions: ReadonlySet<string>;
  /** Variables listed in `.env.example` / `.env.sample` files, each with the file. */
  readonly envExamples: ReadonlyMap<string, string>;
  /** Declared dependencies by lookup key (see `dependencyKey`). */
  readonly dependencies: ReadonlyMap<string, readonly DependencyFact[]>;
  /** Manifest paths found; none means the dependency checks are skipped. */
  readonly manifests: readonly string[];
}

/** Facts about one document in its repository. */
export interface DocumentFacts {
  /** The document's path relative to the root (`docs/ARCHITECTURE.md`). */
  readonly path: string;
  /** `YYYY-MM-DD` of the last commit that changed the document; undefined when it has none or git is not available. */
  readonly lastCommit?: string;
  /** Whether the document has changes not yet committed. */
  readonly uncommitted?: boolean;
  /** Why git facts are missing, when they are (no git, not a repository, restricted mode). */
  readonly gitUnavailable?: string;
}

export interface DriftFacts {
  readonly repository: RepositoryFacts;
  readonly document: DocumentFacts;
}

/**
 * The key a dependency is looked up by, whatever the ecosystem or the way a person wrote it:
 * lower case, with runs of `-`, `_`, `.` and spaces folded to one `-` (PEP 503 does this for
 * Python, Cargo treats `-` and `_` alike, npm names are lower case).
 */
export function dependencyKey(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.\s]+/g, '-');
}
