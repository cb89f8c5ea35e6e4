import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture } from './helpers';

/** One item of the Architecture view, as the `archdoc.view.items` command answers. */
interface ViewItem {
  readonly label: string;
  readonly description: string;
  readonly state: string;
  readonly sectionId: string;
  readonly children: readonly ViewItem[];
}

describe('the Architecture view', () => {
  it('lists every template section in order with its state, missing ones included', async () => {
    await openFixture('ARCHITECTURE.md');
    const items = await vscode.commands.executeCommand<ViewItem[]>('archdoc.view.items');
    const labels = items.map((item) => item.label);
    assert.ok(labels.indexOf('Overview') >= 0 && labels.indexOf('Overview') < labels.indexOf('Security'), `Overview comes before Security in: ${labels.join(', ')}`);
    assert.equal(items.find((item) => item.label === 'Overview')?.state, 'done');
    assert.equal(items.find((item) => item.label === 'Security')?.state, 'missing');
    const system = items.find((item) => item.label === 'System Architecture');
    assert.deepEqual(
      system?.children.map((child) => child.label).slice(0, 2),
      ['Architecture Diagram', 'Components'],
      'sections nest as in the template',
    );
  });
});
