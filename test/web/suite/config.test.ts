import { assert } from 'chai';
import * as vscode from 'vscode';
import { archdocCodes, codeOf, openFixture, waitForDiagnostics } from '../../integration/suite/helpers';

/** The messages of the missing-section diagnostics of a fixture, once it has some. */
async function missingSections(...segments: string[]): Promise<string[]> {
  const { document } = await openFixture(...segments);
  const diagnostics = await waitForDiagnostics(document.uri, (found) => archdocCodes(found).includes('missing-section'), 'a missing-section diagnostic');
  return diagnostics.filter((d) => codeOf(d) === 'missing-section').map((d) => d.message);
}

// Each document below lacks exactly one section of its own template, and most of the bundled
// template's: one finding, about that section, shows the template was read from the virtual file system.
describe('templates chosen in the browser', () => {
  it('checks a document against the template its folder’s .archdoc.jsonc names', async () => {
    const missing = await missingSections('teams', 'ops', 'ARCHITECTURE.md');
    assert.lengthOf(missing, 1, missing.join('; '));
    assert.include(missing[0], 'On Call');
  });

  it('checks a document against the template an archdoc.templates glob of the workspace settings names', async () => {
    assert.deepEqual(vscode.workspace.getConfiguration('archdoc').get('templates'), { 'services/*/ARCHITECTURE.md': 'templates/service.md' });
    const missing = await missingSections('services', 'billing', 'ARCHITECTURE.md');
    assert.lengthOf(missing, 1, missing.join('; '));
    assert.include(missing[0], 'Runbook');
  });

  it('checks a document against the template its front matter names, relative to the document', async () => {
    const missing = await missingSections('docs', 'architecture', 'adr-0001.md');
    assert.lengthOf(missing, 1, missing.join('; '));
    assert.include(missing[0], 'Decision');
  });
});
