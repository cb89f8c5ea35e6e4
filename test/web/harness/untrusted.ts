/**
 * A workspace that VS Code for the Web opens in Restricted Mode, as vscode.dev opens a GitHub
 * repository it has not been told to trust. Two things make the web workbench restrict one:
 * workspace trust enabled by the embedder (`enableWorkspaceTrust`, which vscode.dev sets and
 * `@vscode/test-web` does not), and a folder on `vscode-vfs:`, the GitHub file system, which
 * is the one virtual file system the workbench does not trust by itself (every other scheme
 * is trusted as a "virtual resource"). So the page is served with trust enabled, and the test
 * file system is mounted under `vscode-vfs:` instead of `vscode-test-web:`; its files are the
 * same fixture files.
 */
import type { Page, Route } from 'playwright-core';

export const UNTRUSTED_FOLDER = { scheme: 'vscode-vfs', authority: 'mount', path: '/' };
const TEST_SCHEME = 'vscode-test-web';

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#39;': "'" };

/** Routes the page's workbench and test file system through the changes above. */
export async function openUntrusted(page: Page): Promise<void> {
  const context = page.context();
  // The context's routes also see the extension host's requests, which come from its own frame and worker.
  await context.route((url) => url.pathname === '/', (route) => rewrite(route, enableTrust));
  await context.route('**/static/extensions/fs/package.json', (route) => rewrite(route, (text) => text.replaceAll(TEST_SCHEME, UNTRUSTED_FOLDER.scheme)));
  await context.route('**/static/extensions/fs/dist/*.js', (route) =>
    rewrite(route, (text) => text.replace(`const SCHEME = '${TEST_SCHEME}'`, `const SCHEME = '${UNTRUSTED_FOLDER.scheme}'`)),
  );
}

async function rewrite(route: Route, change: (text: string) => string): Promise<void> {
  const response = await route.fetch();
  const text = await response.text();
  const changed = change(text);
  if (changed === text) throw new Error(`nothing to change in ${route.request().url()}: has @vscode/test-web changed?`);
  await route.fulfill({ response, body: changed });
}

/** The workbench configuration in the page's `<meta>`, with trust enabled and the folder on `vscode-vfs:`. */
function enableTrust(html: string): string {
  return html.replace(/(id="vscode-workbench-web-configuration" data-settings=")([^"]*)(")/, (_, before: string, encoded: string, after: string) => {
    const config = JSON.parse(encoded.replace(/&(?:quot|amp|lt|gt|#39);/g, (entity) => ENTITIES[entity])) as Record<string, unknown>;
    const changed = { ...config, enableWorkspaceTrust: true, folderUri: UNTRUSTED_FOLDER };
    return before + JSON.stringify(changed).replace(/[&"<>']/g, (c) => Object.entries(ENTITIES).find(([, v]) => v === c)![0]) + after;
  });
}
