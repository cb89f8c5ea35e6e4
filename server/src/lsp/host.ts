/**
 * What the language server needs from the place it runs in, so that the same service serves
 * a Node process (node/host.ts) and a browser's Web Worker (browser/host.ts): files by URI,
 * the bundled templates, a way to watch template files, and the checks that cannot run there.
 */
import type { DriftFacts } from '../core/index.ts';
import type { PolicyWorkspace, RepositoryRoot, TemplateRegistry } from '../policy/index.ts';

/** Watches template files that the client does not watch for the server. */
export interface TemplateWatching {
  /** The templates (by URI) to watch from now on; watches of any others are closed. */
  sync(uris: Iterable<string>): void;
  /** How many watches are open. */
  readonly size: number;
  dispose(): void;
}

/** A check this host cannot run, and why; the server says so once. */
export interface UnavailableCheck {
  readonly code: string;
  readonly reason: string;
}

/** What the server tells the repository facts about itself; documents and folders by URI. */
export interface RepositoryFactsOptions {
  /** The document's repository, as the policy decides it. */
  rootOf(uri: string): Promise<RepositoryRoot | undefined>;
  readonly trusted: boolean;
  /** Checks the document again (its facts changed). */
  readonly recheck: (uri: string) => void;
  /** Says something once, in the server's log. */
  readonly note: (message: string) => void;
}

/** Repository facts for open documents, gathered off the keystroke path (see repository.ts). */
export interface RepositoryFactsSource {
  /** The cached facts of an open document, without any I/O. */
  factsFor(uri: string): DriftFacts | undefined;
  /** A document opened or was saved: gather its facts, then check it again. */
  refresh(uri: string, saved?: boolean): Promise<void>;
  closed(uri: string): void;
  /** Files changed: update the facts holding them. */
  filesChanged(uris: readonly string[]): Promise<void>;
}

export interface ServerHost {
  /** Templates, config files and documents, by URI. */
  readonly workspace: PolicyWorkspace;
  /** The bundled templates, by id. */
  bundledTemplates(): Promise<TemplateRegistry>;
  /** A watcher calling `changed` with the URIs of changed files; absent where the host cannot watch. */
  watcher?(changed: (uris: string[]) => void, log: (message: string) => void): TemplateWatching;
  /** Facts for the repository checks; absent where the host cannot scan a repository. */
  repositoryFacts?(options: RepositoryFactsOptions): RepositoryFactsSource;
  readonly unavailableChecks?: readonly UnavailableCheck[];
}
