/**
 * What git knows about a document: the date of the last commit that changed it
 * (`git log -1 --format=%cs -- FILE`) and whether it has changes since. Runs git as a child
 * process with a time limit, caches the answer per file until `forget`, and turns every
 * failure (no git, not a repository) into a reason instead of an error.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'vscode-uri';
import type { GitFacts, GitSource } from './store.ts';

const TIMEOUT_MS = 10_000;
/** Settings that would run programs from the repository's own configuration are switched off. */
const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null'];

function git(cwd: string, args: readonly string[]): Promise<{ out: string } | { error: string }> {
  return new Promise((resolve) => {
    execFile('git', [...SAFE, ...args], { cwd, timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve({ out: stdout });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return resolve({ error: 'git is not installed' });
      if (/not a git repository/i.test(stderr)) return resolve({ error: 'the folder is not a git repository' });
      resolve({ error: `git failed: ${(stderr || error.message).trim().split('\n')[0]}` });
    });
  });
}

/** Git facts of documents on the disk (`file:` URIs); any other document has none, and says why. */
export class GitDates implements GitSource {
  private readonly cache = new Map<string, Promise<GitFacts>>();
  private readonly shallow = new Map<string, Promise<boolean>>();

  /** The facts of the document at `documentUri` in the repository at `rootUri`. */
  of(rootUri: string, documentUri: string): Promise<GitFacts> {
    // One spelling per file: the editor's URI of an open document and a watcher's of the same file may differ.
    const key = URI.parse(documentUri).toString();
    let facts = this.cache.get(key);
    if (!facts) {
      facts =
        rootUri.startsWith('file:') && documentUri.startsWith('file:')
          ? this.read(fileURLToPath(rootUri), fileURLToPath(documentUri))
          : Promise.resolve({ unavailable: 'the document is not on this machine’s disk, where git could read it' });
      this.cache.set(key, facts);
    }
    return facts;
  }

  forget(documentUri?: string): void {
    if (documentUri === undefined) this.cache.clear();
    else this.cache.delete(URI.parse(documentUri).toString());
  }

  /** A shallow clone's oldest commit seems to change every file, so its dates say nothing about a document. */
  private isShallow(root: string): Promise<boolean> {
    let shallow = this.shallow.get(root);
    if (!shallow) {
      shallow = git(root, ['rev-parse', '--is-shallow-repository']).then((r) => 'out' in r && r.out.trim() === 'true');
      this.shallow.set(root, shallow);
    }
    return shallow;
  }

  private async read(root: string, file: string): Promise<GitFacts> {
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (await this.isShallow(root)) return { unavailable: 'the clone is shallow, so the last commit of the document is not known (fetch with full history)' };
    const log = await git(root, ['log', '-1', '--format=%cs', '--', relative]);
    if ('error' in log) return { unavailable: log.error };
    const date = log.out.trim();
    const status = await git(root, ['status', '--porcelain', '--', relative]);
    const uncommitted = 'out' in status && status.out.trim() !== '';
    return { lastCommit: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined, uncommitted };
  }
}
