import { assert } from 'chai';
import * as vscode from 'vscode';
import { openFixture, revertActiveEditor } from '../../integration/suite/helpers';
import { statusBar, viewRows } from './page';

/** The status bar item's text that matches `pattern`, as the page shows it. */
async function statusText(pattern: RegExp): Promise<string> {
  const shown = await statusBar(pattern);
  const text = shown.texts.find((t) => pattern.test(t));
  assert.isTrue(shown.matched && text !== undefined, `a status bar item matching ${pattern}; the status bar shows: ${shown.texts.join(' | ')}`);
  return text!;
}

describe('the status item and the Architecture view in the browser', () => {
  afterEach(revertActiveEditor);

  it('shows how many required sections the document has written, and follows an edit', async () => {
    const editor = await openFixture('docs', 'architecture', 'editing.md');
    // Once the outline of this document is in, the item shows it, not the one opened before.
    await vscode.commands.executeCommand('archdoc.view.items');
    const first = await statusText(/^ArchDoc 1\/\d+ written$/);
    const [, written, required] = /^ArchDoc (\d+)\/(\d+) written$/.exec(first) ?? [];
    assert.strictEqual(written, '1', `only Overview is written: ${first}`);
    assert.isAbove(Number(required), 1);
    // A placeholder in Overview: it is no longer written, and the item counts the placeholder.
    const sentence = editor.document.lineAt(4);
    assert.strictEqual(sentence.text, 'The billing service issues invoices and collects payments for the shop.');
    const shop = new vscode.Range(4, sentence.text.indexOf('the shop'), 4, sentence.text.length - 1);
    assert.isTrue(await editor.edit((edit) => edit.replace(shop, '[Project Name]')));
    assert.strictEqual(await statusText(/^ArchDoc 0\//), `ArchDoc 0/${required} written · 1 placeholder`);
    assert.isTrue(await editor.edit((edit) => edit.replace(new vscode.Range(4, shop.start.character, 4, shop.start.character + '[Project Name]'.length), 'the shop')));
    assert.strictEqual(await statusText(/^ArchDoc 1\/\d+ written$/), first);
  });

  it('draws every template section with its state in the Architecture view', async () => {
    await openFixture('ARCHITECTURE.md');
    await vscode.commands.executeCommand('archdoc.view.items');
    await vscode.commands.executeCommand('archdoc.outline.focus');
    // This document's sections, not the previous one's: its System Architecture is written.
    const shown = await viewRows('Architecture', /System Architecture\s*done/);
    assert.isTrue(shown.matched, `the view shows this document's sections; it shows: ${shown.texts.join(' | ')}`);
    // The rows on screen, in template order: the list draws only what fits in the view.
    assert.deepEqual(shown.texts.slice(0, 5), ['Overview done', 'System Architecture done', 'Architecture Diagram done', 'Components done', 'Data Model missing']);
  });
});
