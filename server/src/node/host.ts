/**
 * The language server's host as a Node process: the disk through node:fs (other file systems
 * through the client), the bundled templates from their folder beside the bundle, and node:fs
 * watchers.
 */
import type { Connection } from 'vscode-languageserver';
import { ClientWorkspace, SchemeWorkspace } from '../lsp/clientWorkspace.ts';
import type { ServerHost } from '../lsp/host.ts';
import { RepositoryFacts } from '../lsp/repository.ts';
import { TemplateWatcher } from '../lsp/watcher.ts';
import { loadBundledTemplates } from './bundled.ts';
import { NodeWorkspace, pathToUri, uriToPath } from './workspace.ts';

export function nodeHost(connection: Connection, bundledTemplateFolder: string): ServerHost {
  const disk = new NodeWorkspace();
  return {
    workspace: new SchemeWorkspace(disk, new ClientWorkspace(connection)),
    bundledTemplates: () => loadBundledTemplates(disk, bundledTemplateFolder),
    // The repository scanner works on file paths; the server knows documents and folders by URI.
    repositoryFacts: ({ folderOf, ...options }) => {
      const facts = new RepositoryFacts({
        ...options,
        folders: {
          folderOf: (file) => {
            const folder = folderOf(pathToUri(file));
            return folder === undefined ? undefined : uriToPath(folder);
          },
        },
      });
      return {
        factsFor: (uri) => facts.factsFor(uri),
        refresh: (uri, saved) => facts.refresh(uri, saved),
        closed: (uri) => facts.closed(uri),
        filesChanged: (uris) => facts.filesChanged(uris.map(uriToPath).filter((file): file is string => file !== undefined)),
      };
    },
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
