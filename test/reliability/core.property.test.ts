/**
 * The core over generated documents: it never throws, and every range it hands out (diagnostics,
 * payload positions, symbols, outline nodes, completion edits, hovers) lies inside the document
 * on UTF-16 boundaries.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CompletionItem, DocumentSymbol, Range, TextEdit } from 'vscode-languageserver-types';
import { type Analysis, type Schema } from '../../server/src/core/index.ts';
import type { OutlineNode } from '../../server/src/protocol.ts';
import { engine, bundledSchema } from '../helpers/core.ts';
import { assertDiagnostics } from './helpers/diagnostics.ts';
import { document, fragment } from './helpers/documents.ts';
import { check } from './helpers/property.ts';
import { assertRange, lspLines, positionProblem } from './helpers/ranges.ts';

const TODAY = '2025-06-01';

function assertSymbols(lines: readonly string[], symbols: readonly DocumentSymbol[]): void {
  for (const s of symbols) {
    assertRange(lines, s.range, `symbol ${s.name}`);
    assertRange(lines, s.selectionRange, `selection of symbol ${s.name}`);
    assertSymbols(lines, s.children ?? []);
  }
}

function assertOutline(lines: readonly string[], nodes: readonly OutlineNode[]): void {
  for (const n of nodes) {
    if (n.range) assertRange(lines, n.range, `outline node ${n.id}`);
    assertOutline(lines, n.children);
  }
}

function editRanges(item: CompletionItem): Range[] {
  const ranges: Range[] = [];
  const edit = item.textEdit;
  if (edit && 'range' in edit) ranges.push(edit.range);
  else if (edit) ranges.push(edit.insert, edit.replace);
  for (const extra of item.additionalTextEdits ?? ([] as TextEdit[])) ranges.push(extra.range);
  return ranges;
}

/** Positions worth asking about: every line start and end, plus a spread of columns. */
function probePositions(lines: readonly string[], picks: readonly number[]): Array<{ line: number; character: number }> {
  const out: Array<{ line: number; character: number }> = [];
  for (const pick of picks) {
    const line = pick % lines.length;
    const text = lines[line];
    for (const character of [0, text.length, pick % (text.length + 1)]) {
      // Asking in the middle of a surrogate pair is the client's mistake; the core need not answer it well.
      if (positionProblem(lines, { line, character }) === undefined) out.push({ line, character });
    }
  }
  return out;
}

function checkEverything(text: string, schema: Schema, picks: readonly number[]): Analysis {
  const analysis = engine.analyze(text, schema);
  assertDiagnostics(text, engine.check(analysis));
  const lines = lspLines(text);
  assert.equal(analysis.model.lines.length, lines.length, 'the model splits lines the way LSP does');
  assertSymbols(lines, engine.symbols(analysis));
  assertOutline(lines, engine.outline(analysis).nodes);
  for (const position of probePositions(lines, picks)) {
    for (const item of engine.completion(analysis, position, { today: TODAY, insertSkeleton: true, snippets: true })) {
      for (const r of editRanges(item)) assertRange(lines, r, `completion "${item.label}" at ${position.line}:${position.character}`);
    }
    const h = engine.hover(analysis, position, { today: TODAY });
    if (h?.range) assertRange(lines, h.range, `hover at ${position.line}:${position.character}`);
  }
  return analysis;
}

const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });

describe('the core over generated documents', () => {
  it('never throws and keeps every diagnostic, symbol, outline, completion and hover range inside the document', () => {
    const schema = bundledSchema();
    check(
      fc.property(document, picks, (text, p) => {
        checkEverything(text, schema, p);
      }),
      1500,
    );
  });

  it('gives the same diagnostics for the same text, whatever was checked before', () => {
    const schema = bundledSchema();
    check(
      fc.property(document, document, (a, b) => {
        const first = engine.check(engine.analyze(a, schema));
        engine.check(engine.analyze(b, schema));
        assert.deepEqual(engine.check(engine.analyze(a, schema)), first);
      }),
      200,
    );
  });

  it('compiles any text as a template without throwing, and checks any document against it', () => {
    const template = fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join('\n\n'));
    check(
      fc.property(template, document, picks, (source, text, p) => {
        const compiled = engine.compileTemplate(source);
        if (compiled.error !== undefined) {
          assert.ok(compiled.error.length > 0);
          return;
        }
        checkEverything(text, compiled.schema, p);
        // A template checked against itself is the usual first document.
        checkEverything(source, compiled.schema, p);
      }),
      500,
    );
  });
});
