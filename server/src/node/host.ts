/**
 * The language server's host as a Node process: the disk through node:fs, the bundled
 * templates from their folder beside the bundle, and node:fs watchers.
 */
import type { ServerHost } from '../lsp/host.ts';
import { TemplateWatcher } from '../lsp/watcher.ts';
import { loadBundledTemplates } from './bundled.ts';
import { NodeWorkspace, pathToUri, uriToPath } from './workspace.ts';

export function nodeHost(bundledTemplateFolder: string): ServerHost {
  const workspace = new NodeWorkspace();
  return {
    workspace,
    bundledTemplates: () => loadBundledTemplates(workspace, bundledTemplateFolder),
    watcher(changed, log) {
      const watcher = new TemplateWatcher((files) => changed(files.map(pathToUri)), log);
      return {
        watch: (uri) => {
          const file = uriToPath(uri);
          if (file !== undefined) watcher.watch(file);
        },
        dispose: () => watcher.dispose(),
      };
    },
  };
}
