/**
 * Which folder is a document's repository: the nearest folder holding the configuration file,
 * else the git root, else the workspace folder. A document in none of these belongs to no
 * repository, and is not checked against one. In a restricted workspace the root never lies
 * outside the workspace folder.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const CONFIG_FILE = '.archdoc.jsonc';

export interface RootCandidates {
  /** The nearest folder above the document holding the configuration file. */
  readonly configFolder?: string;
  /** The nearest folder above the document holding `.git`. */
  readonly gitRoot?: string;
  readonly workspaceFolder?: string;
  readonly trusted: boolean;
}

function inside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The decision itself, with no I/O. */
export function chooseRepositoryRoot(c: RootCandidates): string | undefined {
  const chosen = c.configFolder ?? c.gitRoot ?? c.workspaceFolder;
  if (!c.trusted && c.workspaceFolder !== undefined && chosen !== undefined && !inside(c.workspaceFolder, chosen)) return c.workspaceFolder;
  return chosen;
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/** Looks upward from the document for the configuration file and `.git`, then decides. */
export async function findRepositoryRoot(documentPath: string, workspaceFolder: string | undefined, trusted: boolean): Promise<string | undefined> {
  const documentFolder = path.dirname(path.resolve(documentPath));
  let configFolder: string | undefined;
  let gitRoot: string | undefined;
  for (let dir = documentFolder; ; ) {
    if (configFolder === undefined && (await exists(path.join(dir, CONFIG_FILE)))) configFolder = dir;
    if (gitRoot === undefined && (await exists(path.join(dir, '.git')))) gitRoot = dir;
    // The nearest of the two wins; a configuration file above the git root belongs to something else.
    if (configFolder !== undefined || gitRoot !== undefined) break;
    const parent = path.dirname(dir);
    // Looking above the workspace folder would reach into folders the user did not open.
    if (parent === dir || (!trusted && workspaceFolder !== undefined && dir === workspaceFolder)) break;
    dir = parent;
  }
  return chooseRepositoryRoot({ configFolder, gitRoot, workspaceFolder, trusted });
}
