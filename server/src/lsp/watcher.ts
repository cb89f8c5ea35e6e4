/**
 * Watches template files that the client does not watch for the server: those outside the
 * workspace folders, and all of them for clients without dynamic `didChangeWatchedFiles`
 * registration. The folder of each template is watched, so that a template created after it
 * was found missing is noticed too. Only the templates of open documents are watched: each
 * call to `sync` says which those are, and watches nobody needs any more are closed, so typing
 * a path into a marker does not leave a watch behind per folder typed.
 */
import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';

export class TemplateWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private files = new Set<string>();

  constructor(
    private readonly changed: (files: string[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Watches exactly these files (their folders): new ones are added, the others dropped. */
  sync(files: Iterable<string>): void {
    this.files = new Set([...files].map((f) => path.resolve(f)));
    const folders = new Set([...this.files].map((f) => path.dirname(f)));
    for (const [folder, watcher] of this.watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
    for (const folder of folders) if (!this.watchers.has(folder)) this.watchFolder(folder);
  }

  /** The number of folders watched. */
  get size(): number {
    return this.watchers.size;
  }

  private watchFolder(folder: string): void {
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        const changed = name ? path.join(folder, name.toString()) : undefined;
        if (changed === undefined || this.files.has(changed)) this.changed(changed ? [changed] : [...this.files]);
      });
      watcher.on('error', (error) => this.log(`Watching ${folder} failed: ${error.message}`));
      this.watchers.set(folder, watcher);
    } catch (error) {
      this.log(`Watching ${folder} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.files.clear();
  }
}
