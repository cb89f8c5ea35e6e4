/**
 * The UI test: drives code-server in Chromium as a user would and saves a screenshot of each
 * feature. It scaffolds a document from the command palette, picks a section completion
 * after typing `## `, opens the Problems panel, applies a quick fix, shows the Architecture
 * view and inserts a missing section from it.
 *
 * Environment: ARCHDOC_UI_SCREENSHOTS (folder, default test-results/ui/screenshots; set it
 * to docs/screenshots to refresh the README's), ARCHDOC_TEST_VSIX (a packaged `.vsix` to use),
 * ARCHDOC_TEST_KEEP=1 to keep the temporary folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { buildExtensionUnderTest, repoRoot } from '../integration/harness/build';
import { openWorkbench, type Workbench } from '../integration/harness/browser';
import { createProfile, ensureCodeServer, folderUrl, installExtension, startCodeServer } from '../integration/harness/codeServer';
import {
  activeTab,
  editorLine,
  openFile,
  quickInput,
  quickInputRow,
  runCommand,
  TIMEOUT,
  typeInCommandPalette,
  waitForWorkbench,
} from './workbench';

// Screenshots land in the ignored test-results folder so that a test run leaves the tree
// clean; pointing ARCHDOC_UI_SCREENSHOTS at docs/screenshots refreshes the committed set.
const screenshots = path.resolve(process.env.ARCHDOC_UI_SCREENSHOTS ?? path.join(repoRoot, 'test-results', 'ui', 'screenshots'));
const failures = path.join(repoRoot, 'test-results', 'ui', 'failures');

interface Step {
  readonly name: string;
  readonly run: (page: Page) => Promise<void>;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

const steps: Step[] = [
  {
    name: 'scaffolds a document from the command palette, cursor on the first placeholder',
    async run(page) {
      await typeInCommandPalette(page, 'ArchDoc: New Architecture Doc');
      await shot(page, 'new-architecture-doc');
      await page.keyboard.press('Enter');
      await quickInput(page).locator('input').waitFor({ timeout: TIMEOUT });
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Billing');
      await page.keyboard.press('Enter');
      await quickInputRow(page, 'ARCHITECTURE.md').waitFor({ timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      await activeTab(page, 'ARCHITECTURE.md').waitFor({ timeout: TIMEOUT });
      await editorLine(page, 'Technical design documentation for Billing').waitFor({ timeout: TIMEOUT });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'ARCHITECTURE.md' }).waitFor({ timeout: TIMEOUT });
      await page.locator('.statusbar-item', { hasText: /ArchDoc \d+\/\d+/ }).waitFor({ timeout: TIMEOUT });
      await shot(page, 'scaffolded-document');
      await runCommand(page, 'View: Close All Editors');
    },
  },
  {
    name: 'offers the missing template sections after "## " and inserts the one picked',
    async run(page) {
      await openFile(page, 'payments.md');
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('## ');
      await page.keyboard.press('Control+Space');
      const suggest = page.locator('.suggest-widget.visible');
      await suggest.locator('.monaco-list-row', { hasText: 'Data Model' }).first().waitFor({ timeout: TIMEOUT });
      await shot(page, 'section-completion');
      await page.keyboard.type('Secur');
      await suggest.locator('.monaco-list-row.focused', { hasText: 'Security' }).waitFor({ timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      await editorLine(page, '## Security').waitFor({ timeout: TIMEOUT });
    },
  },
  {
    name: 'lists the document\'s problems in the Problems panel',
    async run(page) {
      await runCommand(page, 'View: Focus Problems');
      // The scaffolded document's problems come first; the filter narrows the list to this file.
      await page.getByPlaceholder(/^Filter \(e\.g\. text/).fill('payments.md');
      await runCommand(page, 'View: Toggle Maximized Panel');
      const problems = page.locator('.markers-panel .monaco-list-row');
      await problems.filter({ hasText: 'Overveiw' }).first().waitFor({ timeout: TIMEOUT });
      await problems.filter({ hasText: '[Project Name]' }).first().waitFor({ timeout: TIMEOUT });
      await shot(page, 'problems-panel');
      await runCommand(page, 'View: Toggle Maximized Panel');
      await runCommand(page, 'View: Hide Panel');
    },
  },
  {
    name: 'fixes a misspelt heading with a quick fix',
    async run(page) {
      await openFile(page, 'payments.md');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Control+F');
      await page.keyboard.type('Overveiw');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Overview' }).first();
      await fix.waitFor({ timeout: TIMEOUT });
      // The menu takes keys, not clicks: move the focus to the fix and apply it.
      for (let moves = 0; !/\bfocused\b/.test((await fix.getAttribute('class')) ?? ''); moves++) {
        if (moves > 20) throw new Error('could not move the focus to the fix');
        await page.keyboard.press('ArrowDown');
      }
      await shot(page, 'quick-fix');
      await page.keyboard.press('Enter');
      await editorLine(page, '## Overview').waitFor({ timeout: TIMEOUT });
    },
  },
  {
    name: 'shows every template section and its state in the Architecture view',
    async run(page) {
      await runCommand(page, 'Explorer: Focus on Architecture View');
      // Folding the file tree gives the view the room to show the whole template.
      await page.locator('.pane-header', { hasText: 'billing' }).first().click();
      const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Architecture' }) }).last();
      await view.locator('.monaco-list-row', { hasText: 'Overview' }).filter({ hasText: 'done' }).first().waitFor({ timeout: TIMEOUT });
      await view.locator('.monaco-list-row', { hasText: 'Security' }).first().waitFor({ timeout: TIMEOUT });
      await view.locator('.monaco-list-row', { hasText: 'Data Model' }).filter({ hasText: 'missing' }).first().waitFor({ timeout: TIMEOUT });
      await shot(page, 'architecture-view');
    },
  },
  {
    name: 'inserts a missing section from its inline action in the Architecture view',
    async run(page) {
      const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Architecture' }) }).last();
      const row = view.locator('.monaco-list-row', { hasText: 'Data Model' }).first();
      await row.hover();
      await row.locator('.actions .action-label').first().click();
      await editorLine(page, '## Data Model').waitFor({ timeout: TIMEOUT });
      await view.locator('.monaco-list-row', { hasText: 'Data Model' }).filter({ hasNotText: 'missing' }).first().waitFor({ timeout: TIMEOUT });
    },
  },
];

async function main(): Promise<number> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-ui-'));
  fs.mkdirSync(screenshots, { recursive: true });
  let server: Awaited<ReturnType<typeof startCodeServer>> | undefined;
  let workbench: Workbench | undefined;
  try {
    const extension = buildExtensionUnderTest(workDir);
    if (!extension.real) throw new Error('the UI test needs the real extension: package.json has no "package" script');
    const workspace = path.join(workDir, 'billing');
    fs.cpSync(path.join(__dirname, 'fixtures', 'workspace'), workspace, { recursive: true });
    const bin = ensureCodeServer();
    const profile = createProfile(workDir);
    installExtension(bin, profile, extension.vsix);
    server = await startCodeServer(bin, profile, {});
    workbench = await openWorkbench(folderUrl(server, workspace), { width: 1280, height: 800 });
    await waitForWorkbench(workbench.page);
    return await runSteps(workbench.page);
  } finally {
    await workbench?.close();
    await server?.stop();
    if (process.env.ARCHDOC_TEST_KEEP === '1') console.error(`ui: kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** Runs the steps in order, as one user session; a failed step stops the ones after it. */
async function runSteps(page: Page): Promise<number> {
  let passed = 0;
  for (const [index, step] of steps.entries()) {
    const started = Date.now();
    try {
      await step.run(page);
      passed++;
      console.log(`  ✔ ${step.name} (${Date.now() - started} ms)`);
    } catch (error) {
      fs.mkdirSync(failures, { recursive: true });
      const file = path.join(failures, `step-${index + 1}.png`);
      await page.screenshot({ path: file });
      console.log(`  ✘ ${step.name}\n      ${String(error instanceof Error ? error.stack : error).replace(/\n/g, '\n      ')}`);
      console.log(`      screenshot: ${path.relative(repoRoot, file)}`);
      const skipped = steps.length - index - 1;
      console.log(`${passed} passed, 1 failed${skipped ? `, ${skipped} skipped` : ''}`);
      return 1;
    }
  }
  console.log(`screenshots in ${path.relative(repoRoot, screenshots) || '.'}`);
  console.log(`${passed} passed, 0 failed`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ui: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
