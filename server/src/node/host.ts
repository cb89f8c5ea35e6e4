/**
 * The language server's host as a Node process: the disk through node:fs (other file systems
 * through the client), the bundled templates from their folder beside the bundle, and node:fs
 * watchers.
 */
import type { Connection } from 'vscode-languageserver';
import { ClientWorkspace, SchemeWorkspace } from '../lsp/clientWorkspace.ts';
import type { ServerHost } from '../lsp/host.ts';
import { RepositoryFacts } from '../lsp/repository.ts';
import { workspaceFileAccess, type FileAccess } from '../repo/fileAccess.ts';
import { GitDates } from '../repo/git.ts';
import { nodeFileAccess } from '../repo/nodeFileAccess.ts';
import { TemplateWatcher } from '../lsp/watcher.ts';
import { loadBundledTemplates } from './bundled.ts';
import { NodeWorkspace, pathToUri, uriToPath } from './workspace.ts';

export function nodeHost(connection: Connection, bundledTemplateFolder: string): ServerHost {
  const disk = new NodeWorkspace();
  return {
    workspace: new SchemeWorkspace(disk, new ClientWorkspace(connection)),
    bundledTemplates: () => loadBundledTemplates(disk, bundledTemplateFolder),
    // The disk directly (links seen as links); a virtual workspace through the client.
    repositoryFacts: (options) => new RepositoryFacts(options, { access: byScheme(nodeFileAccess(), workspaceFileAccess(new ClientWorkspace(connection))), git: new GitDates() }),
    watcher(changed, log) {
      const watcher = new TemplateWatcher((files) => changed(files.map(pathToUri)), log);
      return {
        // Only templates on the disk can be watched here; the client watches the rest.
        sync: (uris) => watcher.sync([...uris].map(uriToPath).filter((file): file is string => file !== undefined)),
        get size() {
          return watcher.size;
        },
        dispose: () => watcher.dispose(),
      };
    },
  };
}

function byScheme(local: FileAccess, remote: FileAccess): FileAccess {
  const pick = (uri: string): FileAccess => (uri.startsWith('file:') ? local : remote);
  return { list: (uri) => pick(uri).list(uri), read: (uri, maxBytes) => pick(uri).read(uri, maxBytes) };
}
