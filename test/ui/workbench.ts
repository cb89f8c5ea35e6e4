/**
 * What a user does in the workbench, as Playwright gestures: the command palette, quick
 * open, typing in the editor. Every wait is on something appearing, with a deadline.
 */
import type { Locator, Page } from 'playwright-core';

export const TIMEOUT = 30_000;

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The explorer lists the folder once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/**
 * Opens the command palette and types `text` without running anything. Commands that
 * extensions contribute appear only once the extension host has scanned them, so the
 * palette is reopened until the command shows or the deadline passes.
 */
export async function typeInCommandPalette(page: Page, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    const input = quickInput(page).locator('input');
    await input.waitFor({ timeout: TIMEOUT });
    // Filled at once rather than typed: the palette would refilter after every key.
    await input.fill(`>${text}`);
    const row = quickInputRow(page, text);
    const remaining = deadline - Date.now();
    try {
      await row.waitFor({ timeout: Math.max(1, Math.min(5_000, remaining)) });
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden', timeout: TIMEOUT });
  }
}

/** Runs a command by its title, as typed into the command palette. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await typeInCommandPalette(page, title);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: TIMEOUT });
}

export function quickInputRow(page: Page, text: string): Locator {
  return quickInput(page).locator('.monaco-list-row', { hasText: text }).first();
}

/** Opens a workspace file through Quick Open and waits for its tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await quickInput(page).locator('input').waitFor({ timeout: TIMEOUT });
  await page.keyboard.type(name);
  await quickInputRow(page, name).waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await activeTab(page, name).waitFor({ timeout: TIMEOUT });
  // Keys pressed before the editor takes focus would go nowhere.
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: TIMEOUT });
}

export function activeTab(page: Page, name: string): Locator {
  return page.locator('.tabs-container .tab.active', { hasText: name });
}

/** The lines the active editor renders, to check what an action changed. */
export function editorLine(page: Page, text: string): Locator {
  return page.locator('.editor-group-container.active .view-line', { hasText: text }).first();
}
