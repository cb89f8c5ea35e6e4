/**
 * What the page shows, for tests that run inside the workbench: the web extension host has no
 * API to read the status bar or a view's rendered rows, so the runner serves them over HTTP on
 * 127.0.0.1, which the extension host's `fetch` may reach (its content security policy allows
 * `connect-src http://127.0.0.1:*`). Each answer comes from the live page through Playwright,
 * which waits for the text a test expects (with a deadline) before it reads.
 *
 * Routes (GET, query parameters):
 *   /status-bar?match=REGEX&timeout=MS   the status bar items' texts, once one matches
 *   /view?title=NAME&match=REGEX&timeout=MS   the rows of the side bar view titled NAME, once one matches
 *   /notifications?match=REGEX&timeout=MS   the messages in the notification centre (open it first)
 *   /suggest?match=REGEX&timeout=MS   the suggest widget's rows, once the focused one matches
 * Every answer is `{ matched: boolean, texts: string[] }`; `matched` is false when the deadline
 * passed first, so the test fails with what the page did show.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';

export interface Probe {
  readonly url: string;
  /** The page to read; set once the workbench is open. */
  attach(page: Page): void;
  close(): void;
}

export interface ProbeAnswer {
  readonly matched: boolean;
  readonly texts: readonly string[];
}

const MAX_TIMEOUT_MS = 30_000;

export async function startProbe(): Promise<Probe> {
  let page: Page | undefined;
  const server = http.createServer((request, response) => {
    void answer(page, new URL(request.url ?? '/', 'http://127.0.0.1')).then(
      (body) => send(response, 200, body),
      (error: unknown) => send(response, 500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attach: (p) => (page = p),
    close: () => server.close(),
  };
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  // The extension host runs on another origin than this server.
  response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  response.end(JSON.stringify(body));
}

async function answer(page: Page | undefined, url: URL): Promise<ProbeAnswer> {
  if (!page) throw new Error('the workbench is not open yet');
  const match = new RegExp(url.searchParams.get('match') ?? '');
  const timeout = Math.min(Number(url.searchParams.get('timeout') ?? 10_000), MAX_TIMEOUT_MS);
  switch (url.pathname) {
    case '/status-bar':
      return texts(page.locator('#workbench\\.parts\\.statusbar .statusbar-item'), match, timeout);
    case '/view': {
      const title = url.searchParams.get('title') ?? '';
      const header = page.locator('.pane-header .title', { hasText: new RegExp(`^\\s*${escape(title)}\\s*$`, 'i') });
      return texts(page.locator('.pane', { has: header }).locator('.monaco-list-row'), match, timeout);
    }
    case '/notifications':
      return texts(page.locator('.notifications-center .notification-list-item-message'), match, timeout);
    case '/suggest': {
      const rows = page.locator('.suggest-widget.visible .monaco-list-row');
      return texts(rows, match, timeout, page.locator('.suggest-widget.visible .monaco-list-row.focused'));
    }
    default:
      throw new Error(`no such probe: ${url.pathname}`);
  }
}

/** Waits for an item of `awaited` (by default one of `items`) to match, then reads `items`. */
async function texts(items: Locator, match: RegExp, timeout: number, awaited = items): Promise<ProbeAnswer> {
  let matched = true;
  try {
    await awaited.filter({ hasText: match }).first().waitFor({ state: 'attached', timeout });
  } catch {
    matched = false;
  }
  // Each item's texts, part by part: a tree row's label and description are separate elements with no space between them.
  const found = await items.evaluateAll((elements) =>
    elements.map((element) =>
      [element, ...element.querySelectorAll('*')]
        .flatMap((node) => [...node.childNodes].filter((child) => child.nodeType === 3).map((child) => child.textContent?.trim() ?? ''))
        .filter((text) => text !== '')
        .join(' '),
    ),
  );
  return { matched, texts: found.map((text) => text.replace(/\s+/g, ' ').trim()) };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
