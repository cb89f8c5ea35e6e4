/**
 * The web benchmark's one measurement, taken in the web extension host: from asking for
 * ArchDoc's activation to the first diagnostics of an architecture document, which includes
 * starting the language server's Web Worker and its first check. The workbench has opened no
 * markdown yet, so the extension is not active when this starts.
 */
import { assert } from 'chai';
import { archdocCodes, extensionUnderTest, openFixture, waitForDiagnostics } from '../../integration/suite/helpers';
import { BENCH_PREFIX } from '../suite/protocol';

describe('start-up in the browser', () => {
  it('publishes the first diagnostics after activation', async () => {
    const extension = extensionUnderTest();
    assert.isFalse(extension.isActive, 'nothing has activated ArchDoc yet');
    const started = performance.now();
    await extension.activate();
    const activated = performance.now();
    const { document } = await openFixture('ARCHITECTURE.md');
    await waitForDiagnostics(document.uri, (found) => archdocCodes(found).length > 0, 'the first diagnostics', 60_000);
    const diagnosed = performance.now();
    console.log(`${BENCH_PREFIX}${JSON.stringify({ activateMs: activated - started, firstDiagnosticsMs: diagnosed - started })}`);
  });
});
