/**
 * The language server's host in a browser's Web Worker: files through the client, the
 * bundled templates embedded, no watcher of its own (the client watches the workspace for the
 * server), and no git or repository scan: those checks are skipped, and the server says so once.
 */
import type { Connection } from 'vscode-languageserver';
import type { ServerHost } from '../lsp/host.ts';
import { ClientWorkspace } from '../lsp/clientWorkspace.ts';
import { embeddedTemplates } from './embedded.ts';

export function browserHost(connection: Connection): ServerHost {
  return {
    workspace: new ClientWorkspace(connection),
    bundledTemplates: embeddedTemplates,
    unavailableChecks: [
      { code: 'stale-date', reason: 'it compares Last Updated with the last git commit, and git cannot run in the browser' },
      {
        code: 'the repository checks (stale-path, undocumented-path, undocumented-env, unused-env, unknown-dependency, version-mismatch, broken-link)',
        reason: 'the browser build does not scan the repository yet',
      },
    ],
  };
}
