/**
 * Which folder is a document's repository, the root its repository checks read from and its
 * paths are relative to: the nearest folder holding the config file, else the git root, else
 * the workspace folder. A document in none of these belongs to no repository and is checked
 * against its template only. In a restricted workspace the root never lies outside the
 * workspace folder, and a document in no workspace folder has none.
 */
import { isInside, parentOf } from './uri.ts';

/** A document's repository: its root folder and what the repository checks leave out there. */
export interface RepositoryRoot {
  readonly uri: string;
  /** Paths left out of the scan and of undocumented-path, in .gitignore syntax relative to the root: the root's config file's `ignore`. */
  readonly ignore: readonly string[];
}

/** What one folder holds that can make it a root. */
export interface RootMarkers {
  /** The config file in the folder, if any. */
  readonly config?: string;
  /** Whether the folder holds `.git` (a folder, or a file in a worktree or submodule). */
  readonly git: boolean;
}

export interface RootCandidates {
  /** The nearest folder above the document holding the config file. */
  readonly configFolder?: string;
  /** The nearest folder above the document holding `.git`. */
  readonly gitRoot?: string;
  readonly workspaceFolder?: string;
  readonly trusted: boolean;
}

/** The decision itself, with no I/O; folders by URI. */
export function chooseRepositoryRoot(c: RootCandidates): string | undefined {
  if (!c.trusted && c.workspaceFolder === undefined) return undefined;
  const chosen = c.configFolder ?? c.gitRoot ?? c.workspaceFolder;
  if (!c.trusted && c.workspaceFolder !== undefined && chosen !== undefined && !isInside(c.workspaceFolder, chosen)) return c.workspaceFolder;
  return chosen;
}

/**
 * Looks upward from the document's folder for the config file and `.git`, asking `markers`
 * about each folder, then decides. The nearest of the two wins: a config file above the git
 * root belongs to something else.
 */
export async function findRepositoryRoot(
  documentUri: string,
  workspaceFolder: string | undefined,
  trusted: boolean,
  markers: (folder: string) => Promise<RootMarkers>,
): Promise<string | undefined> {
  // Restricted: nothing outside the workspace folder is looked at, not even to find a root.
  if (!trusted && (workspaceFolder === undefined || !isInside(workspaceFolder, documentUri))) return undefined;
  let configFolder: string | undefined;
  let gitRoot: string | undefined;
  for (let dir = parentOf(documentUri); ; ) {
    const here = await markers(dir);
    if (here.config !== undefined) configFolder = dir;
    else if (here.git) gitRoot = dir;
    if (configFolder !== undefined || gitRoot !== undefined) break;
    const parent = parentOf(dir);
    if (parent === dir || (!trusted && dir === workspaceFolder)) break;
    dir = parent;
  }
  return chooseRepositoryRoot({ configFolder, gitRoot, workspaceFolder, trusted });
}
