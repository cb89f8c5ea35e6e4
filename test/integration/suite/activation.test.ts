import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionUnderTest } from './helpers';

describe('activation', () => {
  it('activates the extension archdoc.archdoc and registers its commands', async () => {
    const extension = extensionUnderTest();
    assert.equal(extension.id, 'archdoc.archdoc');
    await extension.activate();
    assert.equal(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['archdoc.newDocument', 'archdoc.addMissingSections', 'archdoc.openTemplate', 'archdoc.restartServer']) {
      assert.ok(commands.includes(command), `${command} is registered`);
    }
  });
});
