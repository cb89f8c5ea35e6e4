import { assert } from 'chai';
import { archdocCodes, codeOf, openFixture, waitForDiagnostics } from '../../integration/suite/helpers';

describe('the config file in the browser', () => {
  it('checks a document against the template its folder’s .archdoc.jsonc names', async () => {
    const { document } = await openFixture('teams', 'ops', 'ARCHITECTURE.md');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => archdocCodes(found).includes('missing-section'), 'a missing-section diagnostic');
    const missing = diagnostics.filter((d) => codeOf(d) === 'missing-section').map((d) => d.message);
    assert.deepEqual(missing.length, 1, missing.join('; '));
    assert.include(missing[0], 'On Call');
  });
});
