/**
 * Finding the config file that applies to a document: the nearest `.archdoc.jsonc` or
 * `.archdoc.json` in the document's folder or above it, up to its workspace folder, or, outside
 * one, up to the repository root (the folder holding `.git`). Lookups are cached per folder
 * until a config file changes.
 */
import { CONFIG_NAMES, parseConfig, type ConfigOutcome } from './config.ts';
import type { RootMarkers } from './repositoryRoot.ts';
import { basename, isInside, joinUri, parentOf } from './uri.ts';
import { readTextFile, type PolicyWorkspace } from './workspace.ts';

/** Config files larger than this are refused: a config file is a screenful of JSON. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Whether `uri` names a config file. */
export function isConfigFile(uri: string): boolean {
  return (CONFIG_NAMES as readonly string[]).includes(basename(uri));
}

export class ConfigFiles {
  private readonly inFolder = new Map<string, Promise<RootMarkers>>();
  private readonly parsed = new Map<string, Promise<ConfigOutcome>>();

  constructor(private readonly workspace: PolicyWorkspace) {}

  /** The config file for a document in `folder` (its workspace folder, if any); undefined when there is none. */
  async lookup(uri: string, folder: string | undefined): Promise<ConfigOutcome | undefined> {
    let dir = parentOf(uri);
    for (;;) {
      const here = await this.markers(dir);
      if (here.config !== undefined) return this.load(here.config);
      const parent = parentOf(dir);
      const atTop = folder !== undefined ? dir === folder || !isInside(folder, parent) : here.git;
      if (atTop || parent === dir) return undefined;
      dir = parent;
    }
  }

  /** Forgets every lookup and every parsed file (a config file was created, changed or deleted). */
  clear(): void {
    this.inFolder.clear();
    this.parsed.clear();
  }

  /** What `dir` holds: its config file, else whether it holds `.git`; cached until a config file changes. */
  markers(dir: string): Promise<RootMarkers> {
    let found = this.inFolder.get(dir);
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_NAMES) {
          const uri = joinUri(dir, name);
          if ((await this.workspace.stat(uri))?.kind === 'file') return { config: uri, git: false };
        }
        return { git: (await this.workspace.stat(joinUri(dir, '.git'))) !== undefined };
      })();
      this.inFolder.set(dir, found);
    }
    return found;
  }

  /** The config file at `uri`, parsed once until a config file changes. */
  load(uri: string): Promise<ConfigOutcome> {
    let outcome = this.parsed.get(uri);
    if (!outcome) {
      outcome = this.readFile(uri);
      this.parsed.set(uri, outcome);
    }
    return outcome;
  }

  private async readFile(uri: string): Promise<ConfigOutcome> {
    const read = await readTextFile(this.workspace, uri, MAX_CONFIG_BYTES);
    if ('error' in read) return { ok: false, error: { uri, message: `the file ${read.error}`, line: 0, character: 0 } };
    return parseConfig(read.text, uri);
  }
}
