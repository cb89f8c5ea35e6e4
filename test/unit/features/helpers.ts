/** Helpers for the feature tests: documents with a `$0` cursor, analysed against the bundled template. */
import type { Position } from 'vscode-languageserver-types';
import { type Analysis, type Schema } from '../../../server/src/core/index.ts';
import { engine, bundledSchema } from '../../helpers/core.ts';

export const TODAY = '2025-06-01';

/** Joins lines with `\n`, so that tests can write documents line by line. */
export function doc(...lines: string[]): string {
  return lines.join('\n');
}

/** The document without its `$0` marker, analysed, and the marker's position. */
export function atCursor(textWithCursor: string, schema: Schema = bundledSchema()): { analysis: Analysis; position: Position } {
  const offset = textWithCursor.indexOf('$0');
  if (offset < 0) throw new Error('The test document has no $0 cursor');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 2);
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  return { analysis: engine.analyze(text, schema), position };
}

export function analyzed(text: string, schema: Schema = bundledSchema()): Analysis {
  return engine.analyze(text, schema);
}

/** A document with every top-level section of the bundled template present and filled. */
export function headingsOnly(titles: readonly string[]): string {
  return titles.map((t) => `## ${t}\n\nWritten.\n`).join('\n');
}
