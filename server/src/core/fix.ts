/**
 * Fixing a whole document: the fixes `source.fixAll.archdoc` applies, repeated until nothing
 * changes. One round can make another fix possible (a padded table row, then the next), so the
 * result is the fixed point, as `archdoc check --fix` and an editor's repeated fix-all reach it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CheckSettings, Schema } from './types.ts';
import { analyze } from './analyze.ts';
import { checkDocument } from './check.ts';
import { parseDocument } from './parse/document.ts';
import { applyEdits } from './features/edits.ts';
import { fixAll } from './features/codeActions.ts';

export interface FixDocumentOptions {
  /** Today's date as `YYYY-MM-DD`, for fixes that write a date. */
  readonly today: string;
  readonly settings?: CheckSettings;
  /** Rounds after which fixing stops even if fixes are still offered (a safety net, never reached in practice). */
  readonly maxRounds?: number;
}

export interface FixDocumentResult {
  /** The text after every round; the input itself when nothing was fixed. */
  readonly text: string;
  /** How many diagnostics the applied fixes addressed, over all rounds. */
  readonly fixed: number;
  /** Whether the last round found nothing more to fix. */
  readonly converged: boolean;
  /** The diagnostics of the fixed text. */
  readonly diagnostics: Diagnostic[];
}

const URI = 'archdoc:document';

export function fixDocument(text: string, schema: Schema, options: FixDocumentOptions): FixDocumentResult {
  const limit = options.maxRounds ?? 16;
  let current = text;
  let fixed = 0;
  for (let round = 0; ; round++) {
    const analysis = analyze(parseDocument(current), schema);
    const diagnostics = checkDocument(analysis, options.settings);
    if (round === limit) return { text: current, fixed, converged: false, diagnostics };
    const action = fixAll(analysis, diagnostics, { uri: URI, today: options.today, severity: options.settings?.severity });
    const edits = action?.edit?.changes?.[URI] ?? [];
    const next = edits.length ? applyEdits(current, edits) : current;
    if (next === current) return { text: current, fixed, converged: true, diagnostics };
    fixed += action?.diagnostics?.length ?? 0;
    current = next;
  }
}
