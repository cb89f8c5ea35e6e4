/**
 * The language server's host in a browser's Web Worker: files through the client, the
 * bundled templates embedded, and no watcher of its own (the client watches the workspace for
 * the server). The repository checks that need only files run here, reading the workspace
 * through the client; git cannot run, so stale-date is skipped, and the server says so once.
 */
import type { Connection } from 'vscode-languageserver';
import type { ServerHost } from '../lsp/host.ts';
import { ClientWorkspace } from '../lsp/clientWorkspace.ts';
import { RepositoryFacts } from '../lsp/repository.ts';
import { workspaceFileAccess } from '../repo/fileAccess.ts';
import { embeddedTemplates } from './embedded.ts';

const NO_GIT = 'it compares Last Updated with the last git commit, and git cannot run in the browser';

export function browserHost(connection: Connection): ServerHost {
  const workspace = new ClientWorkspace(connection);
  return {
    workspace,
    bundledTemplates: embeddedTemplates,
    repositoryFacts: (options) => new RepositoryFacts(options, { access: workspaceFileAccess(workspace), gitUnavailable: 'git cannot run in the browser' }),
    unavailableChecks: [{ code: 'stale-date', reason: NO_GIT }],
  };
}
