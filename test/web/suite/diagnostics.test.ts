import { assert } from 'chai';
import * as vscode from 'vscode';
import { archdocCodes, codeOf, openFixture, waitForDiagnostics } from '../../integration/suite/helpers';

describe('diagnostics in the browser', () => {
  it('runs in VS Code for the Web with the workspace on a virtual file system', () => {
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    assert.strictEqual(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'vscode-test-web');
  });

  it('reports unfilled placeholders and missing sections of a document on that file system', async () => {
    const { document } = await openFixture('ARCHITECTURE.md');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => archdocCodes(found).includes('placeholder') && archdocCodes(found).includes('missing-section'),
      'placeholder and missing-section diagnostics',
    );
    const placeholder = diagnostics.find((d) => codeOf(d) === 'placeholder');
    assert.strictEqual(placeholder && document.getText(placeholder.range), '[Project Name]');
    const missing = diagnostics.filter((d) => codeOf(d) === 'missing-section').map((d) => d.message);
    assert.isTrue(missing.some((message) => message.includes('Security')), `a missing Security section among: ${missing.join('; ')}`);
  });

  it('does not check markdown files that are not architecture documents', async () => {
    const readme = (await openFixture('README.md')).document;
    const architecture = (await openFixture('ARCHITECTURE.md')).document;
    await waitForDiagnostics(architecture.uri, (found) => archdocCodes(found).length > 0, 'diagnostics on the architecture document');
    assert.deepEqual(archdocCodes(vscode.languages.getDiagnostics(readme.uri)), []);
  });
});
