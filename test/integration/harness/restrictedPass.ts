/**
 * The restricted pass: `suite/restricted.test.ts` runs in a workbench that has not trusted
 * `fixtures/restricted/`, and what only the page shows is checked here afterwards, as a user
 * would see it: the notice (once, with its "Manage Workspace Trust" action, which opens the
 * Workspace Trust editor) and the status item's text. Each check is reported as a test.
 */
import type { Page } from 'playwright-core';
import { runCommand } from '../../ui/workbench';
import type { TestResult } from './results';

export const RESTRICTED_SUITE = 'restricted';

const TIMEOUT_MS = 15_000;
const TITLES = ['restricted mode with a workspace template', 'in the workbench'];

interface Check {
  readonly title: string;
  readonly run: (page: Page) => Promise<void>;
}

const NOTICE = "ArchDoc: Restricted Mode ignores this workspace's template (templates/service-note.md)";

const checks: Check[] = [
  {
    title: 'the status item says the template is ignored',
    async run(page) {
      await page.locator('.statusbar-item', { hasText: 'ArchDoc: template ignored' }).waitFor({ timeout: TIMEOUT_MS });
    },
  },
  {
    title: 'one notice says so, and its Manage Workspace Trust action opens the Workspace Trust editor',
    async run(page) {
      // The toast may have hidden itself by now; the notification centre keeps every notice.
      await runCommand(page, 'Notifications: Show Notifications');
      const notices = page.locator('.notifications-center .notification-list-item', { hasText: NOTICE });
      await notices.first().waitFor({ timeout: TIMEOUT_MS });
      const count = await notices.count();
      if (count !== 1) throw new Error(`${count} notices say the template is ignored`);
      await notices.first().locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'Workspace Trust' }).waitFor({ timeout: TIMEOUT_MS });
    },
  },
];

/** Runs the workbench checks in order; a failed one fails the rest, which depend on the page state. */
export async function checkRestrictedWorkbench(page: Page): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const check of checks) {
    const started = Date.now();
    try {
      await check.run(page);
      results.push({ titles: [...TITLES, check.title], state: 'passed', durationMs: Date.now() - started });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ titles: [...TITLES, check.title], state: 'failed', durationMs: Date.now() - started, error: message });
    }
  }
  return results;
}
