import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionTriggerKind,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { OutlineRequest, RenderRequest, TemplatesRequest, type OutlineResult, type RenderResult, type TemplatesResult } from '../../server/src/protocol.ts';
import { Client, OpenDocument, workspace } from './harness.ts';
import { line, TEAM_TEMPLATE, VALID } from './fixtures.ts';

const severe = (d: Diagnostic): boolean => d.severity === 1 || d.severity === 2;
const key = (d: Diagnostic): string => `${String(d.code)}@${d.range.start.line}`;

/** The fixture with one defect per fixable code. */
function defective(): string {
  return VALID.replace('## Security', '## Securty')
    .replace('### Entities', '#### Entities')
    .replace('**Status**: Active', '**Status**: Done')
    .replace(/(\n- \*\*Rationale\*\*:[^\n]*)/, '')
    .replace(/## Performance[\s\S]*?(?=## Testing)/, '')
    .replace(/^(\| KAFKA_BROKERS .*)\| Yes \|$/m, '$1|');
}

describe('language features over the protocol', () => {
  const ws = workspace();
  let client: Client;
  before(async () => {
    client = await Client.start({ folder: ws.dir });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  it('completes template sections on a `##` line typed with the `#` trigger character', async () => {
    const text = VALID.replace(/## Security[\s\S]*?(?=## Performance)/, '##\n\n');
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/complete.md'), text);
    const at = line(text, '##') === -1 ? 0 : text.split('\n').findIndex((l) => l === '##');
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: doc.uri },
      position: { line: at, character: 2 },
      context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: '#' },
    })) as CompletionItem[];
    const security = items.find((i) => i.label === 'Security');
    assert.ok(security, 'the missing section is offered');
    assert.equal(security.preselect, true);
    assert.match((security.textEdit as { newText: string }).newText, /^## Security\n\n### Authentication & Authorization/);
  });

  it('returns a hierarchical outline with entries as children and what is left to do as details', async () => {
    const text = VALID.replace('Envoy 1.30', '[TODO]').replace(/### Relationships[\s\S]*?(?=### Database Schema)/, '');
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/symbols.md'), text);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    const system = symbols[0].children?.find((s) => s.name === 'System Architecture');
    const components = system?.children?.find((s) => s.name === 'Components');
    assert.deepEqual(components?.children?.map((c) => c.name), ['Gateway', 'Ledger Service', 'Reconciler'].slice(0, components?.children?.length));
    assert.equal(components?.detail, '1 placeholder');
    assert.equal(symbols[0].children?.find((s) => s.name === 'Data Model')?.detail, 'missing 1 section');
  });

  it("hovers a heading with the template's guidance for its section", async () => {
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/hover.md'), VALID);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line: line(VALID, '## Overview'), character: 4 } });
    assert.match((hover?.contents as MarkupContent).value, /High-level description of how the system is designed/);
  });

  it('offers a fix for every fixable diagnostic that, once applied, removes it and adds no warning or error', async () => {
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/fixes.md'), defective());
    let diagnostics = (await doc.diagnostics()).diagnostics;
    assert.deepEqual(diagnostics.map((d) => String(d.code)).sort(), ['heading-level', 'heading-typo', 'invalid-value', 'missing-field', 'missing-section', 'table-columns']);
    // A near spelling is a guess, said at information: the loop below fixes the warnings and errors.
    assert.equal(diagnostics.find((d) => d.code === 'heading-typo')?.severity, 3);
    const fixed: string[] = [];
    while (diagnostics.some(severe)) {
      const target = diagnostics.filter(severe)[0];
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: doc.uri },
        range: target.range,
        context: { diagnostics: [target], only: ['quickfix'] },
      })) as CodeAction[];
      const action = actions.find((a) => a.diagnostics?.some((d) => key(d) === key(target)));
      assert.ok(action, `a fix is offered for ${key(target)}`);
      await doc.apply(action.edit);
      const after = (await doc.diagnostics()).diagnostics;
      assert.equal(after.filter((d) => d.code === target.code).length, diagnostics.filter((d) => d.code === target.code).length - (action.diagnostics?.length ?? 1), `${action.title} removes its diagnostic`);
      const before = new Set(diagnostics.filter(severe).map((d) => String(d.code)));
      assert.deepEqual(after.filter(severe).filter((d) => !before.has(String(d.code))), [], `${action.title} adds nothing`);
      fixed.push(String(target.code));
      diagnostics = after;
    }
    assert.equal(fixed.length, 5);
  });

  it('applies only the safe fixes with source.fixAll.archdoc', async () => {
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/fixall.md'), defective());
    await doc.diagnostics();
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.archdoc'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.archdoc']);
    await doc.apply(actions[0].edit);
    const left = (await doc.diagnostics()).diagnostics.map((d) => String(d.code)).sort();
    assert.deepEqual(left, ['invalid-value', 'missing-field', 'missing-section']);
  });

  it('answers archdoc/outline with every template section in order and its state', async () => {
    const text = VALID.replace(/## Testing[\s\S]*?(?=## Dependencies)/, '').replace('Envoy 1.30', '[TODO]');
    const doc = await OpenDocument.open(client, ws.uri('docs/architecture/outline.md'), text);
    const result = (await client.connection.sendRequest(OutlineRequest, { uri: doc.uri })) as OutlineResult;
    assert.equal(result.version, 1);
    assert.deepEqual(result.template, { kind: 'bundled', id: 'architecture' });
    const states = Object.fromEntries(result.nodes.map((n) => [n.title, n.state]));
    assert.equal(states.Testing, 'missing');
    assert.equal(states['System Architecture'], 'placeholders');
    assert.equal(states.Overview, 'complete');
    assert.equal(result.sectionsRequired - result.sectionsPresent, 2);
  });

  it('renders a new document from the template with archdoc/render', async () => {
    const result = (await client.connection.sendRequest(RenderRequest, { uri: ws.uri('docs/architecture/new.md'), name: 'Comet', date: '2025-06-01' })) as RenderResult;
    assert.deepEqual(result.template, { kind: 'bundled', id: 'architecture' });
    assert.match(result.text, /Technical design documentation for Comet\./);
    assert.match(result.text, /\*\*Last Updated\*\*: 2025-06-01/);
    assert.match(result.text, /\*\*Status\*\*: Draft/);
  });

  it('renders from the template the client names in archdoc/render', async () => {
    ws.write('team/note.md', TEAM_TEMPLATE);
    const params = { uri: ws.uri('docs/architecture/note.md'), name: 'Comet', template: { kind: 'file', uri: ws.uri('team/note.md') } };
    const result = (await client.connection.sendRequest(RenderRequest, params)) as RenderResult;
    assert.match(result.text, /^# Service Note\n\n## Purpose/);
    assert.match(result.text, /\*\*Status\*\*: Draft/);
  });

  it('lists the bundled template with archdoc/templates', async () => {
    const result = (await client.connection.sendRequest(TemplatesRequest, { uri: ws.uri('ARCHITECTURE.md') })) as TemplatesResult;
    assert.deepEqual(result.templates, [
      { label: 'Architecture document', template: { kind: 'bundled', id: 'architecture' }, fileName: 'ARCHITECTURE.md', status: 'Draft' },
    ]);
  });
});
