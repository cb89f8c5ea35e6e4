/**
 * File access for the CLI: reading documents and templates with clear refusals for what is not
 * text, and writing new documents atomically without ever replacing a file unasked.
 */
import { promises as fs, constants } from 'node:fs';
import * as path from 'node:path';

/** Documents larger than this are refused (`--max-size` changes it). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export class UsageError extends Error {}

export type ReadOutcome = { readonly text: string } | { readonly error: string };

export async function readText(file: string, maxBytes: number): Promise<ReadOutcome> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(error)})` };
  }
  if (stat.isDirectory()) return { error: `${file}: is a directory, not a file` };
  if (stat.size > maxBytes) return { error: `${file}: ${stat.size} bytes is larger than the limit of ${maxBytes} bytes` };
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    return { error: `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  if (bytes.includes(0)) return { error: `${file}: is a binary file (it contains NUL bytes)` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: `${file}: is not valid UTF-8 text` };
  }
}

/**
 * Writes `text` to `target` atomically: a temporary file in the same folder, then a hard link
 * (which fails if the target exists) or, with `force`, a rename over it.
 */
export async function writeNew(target: string, text: string, force: boolean): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const existing = await fs.lstat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`${target}: is a directory`);
  // Replacing a link would write somewhere the user did not name, or silently cut the link.
  if (existing?.isSymbolicLink()) throw new UsageError(`${target}: is a symbolic link; name the file it points to instead`);
  if (existing && !force) throw new UsageError(`${target}: already exists; use --force to replace it`);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  await fs.writeFile(temp, text, { flag: 'wx', mode: 0o644 });
  try {
    if (force) {
      await fs.rename(temp, target);
    } else {
      await fs.link(temp, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw new UsageError(`${target}: already exists; use --force to replace it`);
        // File systems without hard links: fall back to an exclusive copy.
        if (error.code === 'EPERM' || error.code === 'ENOTSUP' || error.code === 'EXDEV') {
          await fs.copyFile(temp, target, constants.COPYFILE_EXCL);
          return;
        }
        throw error;
      });
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}
