/**
 * The folders an MCP client may reach. Every path a tool is given is resolved against the first
 * root, its real path (symlinks followed) must stay inside one of the roots, and only regular
 * files are read: a tool can't be talked into reading `/etc/passwd`, a device or a FIFO, nor into
 * following a link out of the project.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** A refusal the agent can act on: it becomes the tool's error result, never a crash. */
export class ToolError extends Error {}

function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export class Roots {
  private constructor(readonly dirs: readonly string[]) {}

  /** The real paths of the given folders; each must exist and be a directory. */
  static async of(dirs: readonly string[]): Promise<Roots> {
    const real: string[] = [];
    for (const dir of dirs) {
      const resolved = await fs.realpath(dir).catch(() => undefined);
      if (!resolved || !(await fs.stat(resolved)).isDirectory()) throw new Error(`root ${dir} is not a folder`);
      real.push(resolved);
    }
    return new Roots(real);
  }

  get primary(): string {
    return this.dirs[0];
  }

  /** How a path is shown to the agent: relative to the root holding it. */
  display(file: string): string {
    const root = this.dirs.find((d) => inside(d, file)) ?? this.primary;
    return path.relative(root, file).split(path.sep).join('/') || '.';
  }

  private check(given: string, real: string): string {
    if (!this.dirs.some((d) => inside(d, real))) {
      throw new ToolError(`${given} is outside the allowed roots (${this.dirs.join(', ')})`);
    }
    return real;
  }

  /** The real path of an existing file inside the roots. */
  async existing(given: string): Promise<string> {
    const absolute = path.resolve(this.primary, given);
    // Refuse the lexical escape first, so nothing outside is even looked at.
    this.check(given, absolute);
    const real = await fs.realpath(absolute).catch((error: NodeJS.ErrnoException) => {
      throw new ToolError(error.code === 'ENOENT' ? `${given}: no such file` : `${given}: cannot be read (${error.code ?? error.message})`);
    });
    this.check(given, real);
    const stat = await fs.stat(real);
    if (stat.isDirectory()) throw new ToolError(`${given} is a folder, not a file`);
    if (!stat.isFile()) throw new ToolError(`${given} is not a regular file`);
    return real;
  }

  /**
   * Where a new file may be written: its folder exists inside the roots and the name itself is
   * free (no file, and no link pointing anywhere).
   */
  async creatable(given: string): Promise<string> {
    const absolute = path.resolve(this.primary, given);
    this.check(given, absolute);
    const parent = await fs.realpath(path.dirname(absolute)).catch(() => {
      throw new ToolError(`${given}: its folder ${path.dirname(given)} does not exist`);
    });
    this.check(given, parent);
    const target = path.join(parent, path.basename(absolute));
    const existing = await fs.lstat(target).catch(() => undefined);
    if (existing) throw new ToolError(`${given} already exists; archdoc_new never overwrites a file`);
    return target;
  }
}
