/**
 * Every file the CLI writes goes through here, atomically: a temporary file in the same folder,
 * then a rename (or a hard link, where an existing file must not be replaced). A failed write
 * leaves the old file as it was and no temporary file behind.
 */
import { promises as fs, constants } from 'node:fs';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { CliError } from './errors.ts';

/**
 * Replaces an existing file's text atomically, keeping its mode and owner. A symbolic link is
 * kept and the file it points to is written.
 */
export async function replaceFile(target: string, text: string): Promise<void> {
  await writeFileAtomic(target, text, { encoding: 'utf8' });
}

/**
 * Writes a new document. Without `force` an existing file is never replaced: the temporary file
 * is hard-linked into place, which fails if the target appeared meanwhile.
 */
export async function writeNew(target: string, text: string, force: boolean): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const existing = await fs.lstat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`${target}: is a directory`);
  // Replacing a link would write somewhere the user did not name, or silently cut the link.
  if (existing?.isSymbolicLink()) throw new CliError(`${target}: is a symbolic link; name the file it points to instead`);
  if (existing && !force) throw new CliError(`${target}: already exists; use --force to replace it`);
  await fs.mkdir(dir, { recursive: true });
  if (force) {
    await writeFileAtomic(target, text, { encoding: 'utf8', mode: 0o644 });
    return;
  }
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  await fs.writeFile(temp, text, { flag: 'wx', mode: 0o644 });
  try {
    await fs.link(temp, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') throw new CliError(`${target}: already exists; use --force to replace it`);
      // File systems without hard links: fall back to an exclusive copy.
      if (error.code === 'EPERM' || error.code === 'ENOTSUP' || error.code === 'EXDEV') {
        await fs.copyFile(temp, target, constants.COPYFILE_EXCL);
        return;
      }
      throw error;
    });
  } finally {
    await fs.rm(temp, { force: true });
  }
}
