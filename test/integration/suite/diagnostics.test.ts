import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { archdocCodes, codeOf, openFixture, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  it('reports unfilled placeholders and missing sections with source archdoc', async () => {
    const { document } = await openFixture('ARCHITECTURE.md');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => archdocCodes(found).includes('placeholder') && archdocCodes(found).includes('missing-section'),
      'placeholder and missing-section diagnostics',
    );
    const placeholder = diagnostics.find((d) => codeOf(d) === 'placeholder');
    assert.equal(placeholder?.range.start.line, 2, 'the [Project Name] placeholder is on line 3');
    assert.equal(document.getText(placeholder.range), '[Project Name]');
    const missing = diagnostics.filter((d) => codeOf(d) === 'missing-section').map((d) => d.message);
    assert.ok(
      missing.some((message) => message.includes('Security')),
      `a missing Security section is reported among: ${missing.join('; ')}`,
    );
  });

  it('does not check markdown files that are not architecture documents', async () => {
    const readme = (await openFixture('README.md')).document;
    // The server handles documents in the order they were opened, so once the architecture
    // document has diagnostics the README has been seen too, and its empty list is an answer.
    const architecture = (await openFixture('ARCHITECTURE.md')).document;
    await waitForDiagnostics(architecture.uri, (found) => archdocCodes(found).length > 0, 'diagnostics on the architecture document');
    assert.deepEqual(archdocCodes(vscode.languages.getDiagnostics(readme.uri)), []);
  });
});
