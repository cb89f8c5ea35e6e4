/**
 * Opens the workbench in Debian's Chromium through playwright-core. Playwright's own
 * browser builds come from outside the npm registry, so the system browser is used.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';

export function chromiumPath(): string {
  const fromEnv = process.env.ARCHDOC_CHROMIUM;
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // Not installed under this name; try the next.
    }
  }
  throw new Error('no Chromium found: run .ci/code-server.sh, which installs it, or set ARCHDOC_CHROMIUM');
}

export interface Workbench {
  readonly browser: Browser;
  readonly page: Page;
  /** Errors the page logged, to show when something goes wrong. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** `prepare` runs on the new page before it loads `url`, to expose functions or listen to it. */
export async function openWorkbench(
  url: string,
  viewport = { width: 1400, height: 900 },
  prepare?: (page: Page) => Promise<void>,
): Promise<Workbench> {
  // Playwright gives each launch a fresh temporary profile.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    await prepare?.(page);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { browser, page, pageErrors, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
