import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Resolves with the contents of `file` once it exists, watching its folder rather than
 * polling on a timer; rejects when `timeoutMs` passes first. Writers should create the file
 * by renaming a finished temporary file, so it is never read half-written.
 */
export function waitForFile(file: string, timeoutMs: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => check());
    const timer = setTimeout(() => finish(new Error(`no ${path.basename(file)} after ${timeoutMs / 1000} s`)), timeoutMs);
    check();

    function check(): void {
      if (fs.existsSync(file)) finish(undefined, fs.readFileSync(file, 'utf8'));
    }
    function finish(error: Error | undefined, text?: string): void {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve(text!);
    }
  });
}
