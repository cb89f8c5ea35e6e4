/**
 * Creating the scaffolded file on a local disk without ever losing data: the target must
 * stay inside the chosen folder once symbolic links are followed, and an existing file is
 * never replaced, not even one that appears between the check and the write.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Whether `child` is `parent` or lies below it; both must be absolute and normalized. */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Whether `target` (an absolute path that may not exist yet) stays inside `folder` when
 * every symbolic link on the way is followed. The deepest part of the path that exists is
 * resolved on disk; what does not exist yet will be created as plain folders and a file.
 * A target that is itself a symbolic link (even a dangling one) is refused.
 */
export async function staysInside(folder: string, target: string): Promise<boolean> {
  const realFolder = await fs.realpath(folder);
  if (!isInside(path.resolve(folder), path.resolve(target))) return false;
  const link = await fs.lstat(target).catch(() => undefined);
  if (link?.isSymbolicLink()) return false;
  let existing = path.dirname(path.resolve(target));
  for (;;) {
    const real = await fs.realpath(existing).catch(() => undefined);
    if (real !== undefined) return isInside(realFolder, real);
    const parent = path.dirname(existing);
    if (parent === existing) return false;
    existing = parent;
  }
}

export type CreateResult = 'created' | 'exists';

/**
 * Writes `text` to a new file at `target`, creating missing folders. Returns `exists`, and
 * writes nothing, if anything is already there.
 *
 * The text goes to a temporary file in the same folder first and is then hard-linked to its
 * name: a link is atomic and fails when the name is taken, so readers never see half a
 * document and a concurrent file is never overwritten (a rename would replace it). Where a
 * file system has no hard links, the file is created exclusively (`wx`) instead.
 */
export async function createNewFile(target: string, text: string): Promise<CreateResult> {
  const directory = path.dirname(target);
  await fs.mkdir(directory, { recursive: true });
  if (await fs.lstat(target).then(() => true, () => false)) return 'exists';
  const temporary = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(temporary, text, { flag: 'wx' });
  try {
    await fs.link(temporary, target);
    return 'created';
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return 'exists';
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errorCode(error) ?? '')) throw error;
    return await createExclusive(target, text);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

async function createExclusive(target: string, text: string): Promise<CreateResult> {
  try {
    await fs.writeFile(target, text, { flag: 'wx' });
    return 'created';
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return 'exists';
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
