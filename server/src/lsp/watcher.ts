/**
 * Watches template files that the client does not watch for the server: those outside the
 * workspace folders, and all of them for clients without dynamic `didChangeWatchedFiles`
 * registration. The folder of each template is watched, so that a template created after it
 * was found missing is noticed too.
 */
import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';

export class TemplateWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly files = new Set<string>();

  constructor(
    private readonly changed: (files: string[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  watch(file: string): void {
    const resolved = path.resolve(file);
    if (this.files.has(resolved)) return;
    this.files.add(resolved);
    const folder = path.dirname(resolved);
    if (this.watchers.has(folder)) return;
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
  }
}
