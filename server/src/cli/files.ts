/**
 * File access for the CLI: reading documents and templates with clear refusals for what is not
 * text, and finding the documents the command line names. Writing is in `write.ts`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';

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

const DEFAULT_DOCS = ['**/ARCHITECTURE.md', '**/architecture.md', '**/docs/architecture/**/*.md'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands the command line's operands: files as named (whatever they are called), directories
 * to the architecture documents inside them, and globs to what they match.
 */
export async function expandOperands(operands: readonly string[]): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  for (const operand of operands) {
    const stat = await fs.stat(operand).catch(() => undefined);
    if (stat?.isFile()) {
      files.push(operand);
    } else if (stat?.isDirectory()) {
      const found = await glob(DEFAULT_DOCS, { cwd: operand, ignore: IGNORE, dot: false });
      files.push(...found.sort().map((f) => path.join(operand, f)));
    } else if (/[*?[\]{}]/.test(operand)) {
      const found = await glob(operand, { ignore: IGNORE, dot: false, onlyFiles: true });
      if (found.length === 0) errors.push(`${operand}: no file matches`);
      files.push(...found.sort());
    } else {
      errors.push(`${operand}: no such file or directory`);
    }
  }
  return { files: [...new Set(files)], errors };
}
