/**
 * What git knows about a document: the date of the last commit that changed it
 * (`git log -1 --format=%cs -- FILE`) and whether it has changes since. Runs git as a child
 * process with a time limit, caches the answer per file until `forget`, and turns every
 * failure (no git, not a repository) into a reason instead of an error.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';

export interface GitFacts {
  readonly lastCommit?: string;
  readonly uncommitted?: boolean;
  /** Why there are no git facts. */
  readonly unavailable?: string;
}

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

export class GitDates {
  private readonly cache = new Map<string, Promise<GitFacts>>();
  private readonly shallow = new Map<string, Promise<boolean>>();

  /** The facts of `file` (an absolute path) in the repository at `root`. */
  of(root: string, file: string): Promise<GitFacts> {
    let facts = this.cache.get(file);
    if (!facts) {
      facts = this.read(root, file);
      this.cache.set(file, facts);
    }
    return facts;
  }

  forget(file?: string): void {
    if (file === undefined) this.cache.clear();
    else this.cache.delete(file);
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
