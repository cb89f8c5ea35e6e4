/**
 * What the language server needs from the place it runs in, so that the same service serves
 * a Node process (node/host.ts) and a browser's Web Worker (browser/host.ts): files by URI,
 * the bundled templates, a way to watch template files, and the checks that cannot run there.
 */
import type { PolicyWorkspace, TemplateRegistry } from '../policy/index.ts';

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

export interface ServerHost {
  /** Templates, config files and documents, by URI. */
  readonly workspace: PolicyWorkspace;
  /** The bundled templates, by id. */
  bundledTemplates(): Promise<TemplateRegistry>;
  /** A watcher calling `changed` with the URIs of changed files; absent where the host cannot watch. */
  watcher?(changed: (uris: string[]) => void, log: (message: string) => void): TemplateWatching;
  readonly unavailableChecks?: readonly UnavailableCheck[];
}
