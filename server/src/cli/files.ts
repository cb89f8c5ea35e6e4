/**
 * File access for the CLI: reading documents and templates with clear refusals for what is not
 * text, and finding the files the command line names (which of them are checked is the
 * policy's answer, in `project.ts`). Writing is in `write.ts`.
 *
 * The command line often names a repository's files in CI, and a repository can commit
 * anything: `ARCHITECTURE.md -> /dev/zero`, a FIFO, `r/root -> /`. So only regular files are
 * read, within a byte bound (`io/regularFile.ts`); folders are walked without following links;
 * and a link is followed only when its target lies inside the tree it was found in (the folder
 * named, or the working directory for files and globs). Each file is reported once, under its
 * real path when a link led to it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { decodeText } from '../core/index.ts';
import { describeError, kindOf, readRegularFile } from '../io/regularFile.ts';

/** Documents larger than this are refused (`--max-size` changes it). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type ReadOutcome = { readonly text: string } | { readonly error: string };

/**
 * Reads a document or template as text: a regular file of at most `maxBytes` bytes, in UTF-8.
 * A byte order mark stays the text's first character, as in an editor that keeps it, so that
 * columns agree with the server's and `--fix` writes it back.
 */
export async function readText(file: string, maxBytes: number): Promise<ReadOutcome> {
  const read = await readRegularFile(file, maxBytes);
  if ('error' in read) return { error: `${file}: ${read.error}` };
  const decoded = decodeText(read.bytes);
  return 'error' in decoded ? { error: `${file}: ${decoded.error}` } : decoded;
}

/** A folder operand stands for every markdown file below it that the policy selects. */
const MARKDOWN = ['**/*.md', '**/*.markdown', '**/*.mdown', '**/*.mkd'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];
const IGNORED_FOLDERS = new Set(['node_modules', '.git']);
const isMarkdown = picomatch(MARKDOWN, { nocase: true });

/**
 * The markdown files under `root`, as paths relative to it. Folders are entered only
 * when they are folders, never through a link (`r/root -> /` is not walked); links to files are
 * listed, so that the caller can say where they lead instead of skipping them in silence.
 * Names starting with a dot are skipped, as globs do.
 */
async function findDocuments(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name)) await walk(child);
      } else if (isMarkdown(child)) {
        found.push(child);
      }
    }
  };
  await walk('');
  return found.sort();
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function realPath(file: string): Promise<string | undefined> {
  return fs.realpath(file).catch(() => undefined);
}

/** How a file is named in reports: as found, or by its real path (relative to the working directory) when a link led to it. */
function shown(found: string, real: string): string {
  if (real === path.resolve(found)) return found;
  const relative = path.relative(process.cwd(), real);
  return isInside(process.cwd(), real) ? relative : real;
}

/** A file to consider, and whether the command line named it (a file or a glob) rather than a folder holding it. */
export interface Candidate {
  readonly file: string;
  readonly named: boolean;
}

interface Expansion {
  readonly files: Candidate[];
  readonly errors: string[];
}

/**
 * Expands the command line's operands: files as named (whatever they are called), directories
 * to the markdown files inside them, and globs to what they match, in a stable order.
 */
export async function expandOperands(operands: readonly string[]): Promise<Expansion> {
  const files: Candidate[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const cwd = await realPath(process.cwd()) ?? process.cwd();
  const add = async (found: string, tree: string, named: boolean): Promise<void> => {
    const real = await realPath(found);
    if (real === undefined) {
      errors.push(`${found}: ${describeError(await fs.stat(found).then(() => undefined, (e: unknown) => e))}`);
      return;
    }
    // What the file is comes first: a link to /dev/zero is refused as a device wherever it points.
    const kind = kindOf(await fs.stat(real));
    if (kind) {
      errors.push(`${found}: is ${kind}`);
      return;
    }
    if (!isInside(tree, real)) {
      errors.push(`${found}: is a symbolic link to ${real}, outside ${tree}; not followed`);
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ file: shown(found, real), named });
  };
  for (const operand of operands) {
    let stat;
    try {
      stat = await fs.stat(operand);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && /[*?[\]{}]/.test(operand)) {
        const found = await glob(operand, { ignore: IGNORE, dot: false, onlyFiles: true, followSymbolicLinks: false });
        if (found.length === 0) errors.push(`${operand}: no file matches`);
        for (const f of found.sort()) await add(f, cwd, true);
      } else {
        errors.push(`${operand}: ${code === 'ENOENT' ? 'no such file or directory' : describeError(error)}`);
      }
      continue;
    }
    if (stat.isDirectory()) {
      const tree = (await realPath(operand)) ?? path.resolve(operand);
      for (const f of await findDocuments(operand)) await add(path.join(operand, f), tree, false);
    } else {
      // Whatever it is, reading says what is wrong with it (a FIFO, a device, a socket).
      await add(operand, (await fs.lstat(operand)).isSymbolicLink() ? cwd : path.dirname(await realPath(operand) ?? operand), true);
    }
  }
  return { files, errors };
}
