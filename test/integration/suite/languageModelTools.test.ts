import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionUnderTest, fixtureUri, openFixture, revertActiveEditor } from './helpers';

/** The language-model API as VS Code 1.95+ has it; the extension's own types stop at 1.91. */
interface LmApi {
  readonly lm: {
    readonly tools: readonly { readonly name: string; readonly inputSchema?: unknown }[];
    invokeTool(name: string, options: { input: object; toolInvocationToken: undefined }, token?: vscode.CancellationToken): Thenable<{ content: unknown[] }>;
  };
}

const lm = (vscode as unknown as LmApi).lm;

async function invoke(name: string, input: object): Promise<string> {
  const result = await lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part as { value?: string }).value ?? '').join('\n');
}

describe('language-model tools', () => {
  before(async () => {
    await extensionUnderTest().activate();
  });
  afterEach(revertActiveEditor);

  it('registers the check, outline, section and fix tools with their input schemas', () => {
    const names = lm.tools.filter((t) => t.name.startsWith('archdoc_')).map((t) => t.name).sort();
    assert.deepEqual(names, ['archdoc_check', 'archdoc_fix', 'archdoc_outline', 'archdoc_section']);
    for (const tool of lm.tools.filter((t) => t.name.startsWith('archdoc_'))) assert.ok(tool.inputSchema, `${tool.name} has an input schema`);
  });

  it('archdoc_check reports the findings of a document by path', async () => {
    const text = await invoke('archdoc_check', { path: 'ARCHITECTURE.md' });
    assert.match(text, /ARCHITECTURE\.md against /);
    assert.match(text, /"code": "placeholder"/, 'the unfilled [Project Name] is reported');
  });

  it('archdoc_outline lists the sections and what is missing', async () => {
    const text = await invoke('archdoc_outline', { path: 'ARCHITECTURE.md' });
    assert.match(text, /required sections (?:present|written)/);
    assert.match(text, /"title": "Overview"/);
  });

  it('archdoc_section gives the guidance and skeleton of a section', async () => {
    const text = await invoke('archdoc_section', { section: 'Decision Log' });
    assert.match(text, /## Decision Log/);
    assert.match(text, /\*\*Rationale\*\*/);
  });

  it('archdoc_fix applies the safe fixes in the editor, unsaved, and reports what is left', async () => {
    // The tool asks before it edits: outside a chat VS Code shows a modal dialog, which the
    // harness answers as the user (test/integration/run.ts, answerConfirmations).
    // A year-first date written with slashes is a certain fix: fix-all writes it the ISO way.
    const { document } = await openFixture('docs', 'architecture', 'fix-all.md');
    const before = document.getText();
    const text = await invoke('archdoc_fix', { path: 'docs/architecture/fix-all.md' });
    assert.match(text, /fixes applied to docs\/architecture\/fix-all\.md/);
    const applied = Number(/^(\d+) fixes applied/.exec(text)?.[1]);
    assert.ok(applied > 0, text);
    assert.notEqual(document.getText(), before);
    assert.match(document.getText(), /\*\*Last Updated\*\*: 2026-11-20/);
    assert.equal(document.isDirty, true, 'the fixes are left unsaved for review');
  });

  it('refuses a path outside the workspace with a clear error', async () => {
    const outside = vscode.Uri.joinPath(fixtureUri(), '..', '..', 'package.json').fsPath;
    await assert.rejects(invoke('archdoc_check', { path: outside }), /outside the workspace folders/);
  });
});
