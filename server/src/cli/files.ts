/**
 * File access for the CLI: reading documents and templates with clear refusals for what is not
 * text. Which documents a command line names is `project.ts`; writing is in `write.ts`.
 */
import { promises as fs } from 'node:fs';

/** Documents larger than this are refused (`--max-size` changes it). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

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
