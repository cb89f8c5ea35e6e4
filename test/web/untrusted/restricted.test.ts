import { assert } from 'chai';
import * as vscode from 'vscode';
import { archdocCodes, openFixture, workspaceRoot } from '../../integration/suite/helpers';
import { notifications, statusBar } from '../suite/page';

describe('Restricted Mode in the browser', () => {
  it('opens a GitHub-like workspace that is not trusted, whose template setting VS Code withholds', () => {
    assert.strictEqual(workspaceRoot().scheme, 'vscode-vfs');
    assert.isFalse(vscode.workspace.isTrusted);
    // archdoc.template is a restricted configuration: the workspace's value is not handed out.
    assert.strictEqual(vscode.workspace.getConfiguration('archdoc').get('template'), '');
  });

  it('checks no document against another template, and says once that the workspace’s template is ignored, read from its settings through workspace.fs', async () => {
    for (const segments of [['ARCHITECTURE.md'], ['docs', 'architecture', 'payments.md']]) {
      const { document } = await openFixture(...segments);
      const status = await statusBar(/template ignored/);
      assert.isTrue(status.matched, `the status item says the template is ignored for ${segments.join('/')}; it shows: ${status.texts.join(' | ')}`);
      assert.deepEqual(archdocCodes(vscode.languages.getDiagnostics(document.uri)), [], `no finding from the bundled template on ${segments.join('/')}`);
    }
    const shown = await notifications(/Restricted Mode ignores/);
    const notices = shown.texts.filter((text) => text.includes('Restricted Mode ignores'));
    assert.deepEqual(notices, [
      "ArchDoc: Restricted Mode ignores this workspace's template (templates/service.md). Trust the workspace to check its architecture documents against it.",
    ]);
  });
});
