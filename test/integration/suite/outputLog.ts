/**
 * Reading the ArchDoc output channel as VS Code writes it to its log file. Node only: the
 * helpers in helpers.ts are shared with the browser suite, which has no file system.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extensionId } from './helpers';

/**
 * Waits until the ArchDoc output channel, as VS Code writes it to its log file, holds a line
 * matching `pattern`, and returns every line. The runner extension names the folder.
 */
export async function waitForOutputLine(pattern: RegExp, what: string, timeoutMs = 15_000): Promise<string[]> {
  const folder = process.env.ARCHDOC_TEST_EXTENSION_LOGS;
  if (!folder) throw new Error('the runner extension did not say where extension logs are');
  const file = path.join(folder, extensionId, 'ArchDoc.log');
  let lines: string[] = [];
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
    if (lines.some((line) => pattern.test(line))) return lines;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${file}; its last lines:\n${lines.slice(-20).join('\n')}`);
}
