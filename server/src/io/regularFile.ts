/**
 * Reading a file that a repository chose, safely: only regular files, never more than a byte
 * bound, and never blocking. A committed `ARCHITECTURE.md -> /dev/zero` or a FIFO named as a
 * template must be refused at once with a reason, not read until memory runs out or forever.
 *
 * The type is checked twice: `stat` before opening gives the clear message, and `fstat` on the
 * opened descriptor closes the race with a file swapped in between. The file is opened with
 * `O_NONBLOCK`, so that opening a FIFO never waits for a writer, and read with a bound, so the
 * size limit holds for what is read, whatever `stat` said.
 */
import { constants, promises as fs, type Stats } from 'node:fs';

export type ReadBytesOutcome = { readonly bytes: Buffer } | { readonly error: string };

/** What a file that is not a regular file is, in words that complete "FILE is …". */
export function kindOf(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a directory, not a file';
  if (stat.isFIFO()) return 'a FIFO (named pipe), not a regular file';
  if (stat.isSocket()) return 'a socket, not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a regular file';
  return 'not a regular file';
}

/** Words for a failed file system call, completing "FILE …". */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ELOOP':
      return 'is a symbolic link loop (or a chain of too many links)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ENXIO':
      return 'is a socket or device with nothing behind it, not a regular file';
    case 'ENOTDIR':
      return 'no such file (a part of its path is not a folder)';
    default:
      return `cannot be read (${code ?? String(error)})`;
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Reads at most `maxBytes` bytes of a regular file; more is an error that says the limit.
 * `error` completes a sentence that starts with the file's name.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<ReadBytesOutcome> {
  let handle: fs.FileHandle | undefined;
  try {
    const kind = kindOf(await fs.stat(file));
    if (kind) return { error: `is ${kind}` };
    handle = await fs.open(file, OPEN_FLAGS);
    const opened = kindOf(await handle.stat());
    if (opened) return { error: `is ${opened}` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { error: `is larger than the limit of ${maxBytes} bytes` };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { error: describeError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
