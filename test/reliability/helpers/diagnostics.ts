/** What every diagnostic the core hands out must satisfy, beyond being produced without throwing. */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, type DiagnosticData } from '../../../server/src/core/index.ts';
import { assertRange, lspLines } from './ranges.ts';

const CODES: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);

/** Every check a diagnostic must pass, beyond its range: a known code and a payload naming it. */
export function assertDiagnostics(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = lspLines(text);
  for (const d of diagnostics) {
    assertRange(lines, d.range, `${String(d.code)} diagnostic`);
    assert.ok(CODES.has(String(d.code)), `unknown code ${String(d.code)}`);
    assert.equal(d.source, 'archdoc');
    assert.ok((typeof d.message === 'string' ? d.message : d.message.value).length > 0, 'empty message');
    const data = d.data as DiagnosticData | undefined;
    if (data === undefined) continue;
    assert.equal(data.code, d.code, 'payload names another code');
    if ('insertAt' in data && data.insertAt) {
      assert.ok(data.insertAt.line >= 0 && data.insertAt.line <= lines.length && data.insertAt.character === 0, `insertAt ${JSON.stringify(data.insertAt)} is not a line start of the document`);
    }
    if (data.code === 'section-order') {
      assert.ok(0 <= data.startLine && data.startLine < data.endLine && data.endLine <= lines.length, `moved block [${data.startLine}, ${data.endLine}) is not inside the document`);
      assert.ok(data.to >= 0 && data.to <= lines.length, `target line ${data.to} is not inside the document`);
    }
  }
}
