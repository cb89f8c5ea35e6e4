/**
 * The two answers to the notice a document gets when it doesn't follow the template at all
 * (`fit.ts`): check it against the template after all, or leave it alone. Each writes the
 * marker that the CLI and the server both read (`policy/markers.ts`), as an HTML comment on a
 * line of its own at the top (after any front matter), so nothing shows when it is rendered:
 *
 * - `<!-- archdoc -->`: the document opted in and is checked fully;
 * - `<!-- archdoc: false -->`: the document opted out; ArchDoc reports nothing on it.
 *
 * Both are a person's choice, never applied by fix-all.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { insertLines } from '../shared.ts';
import { topLine } from './disableFixes.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';

/** The opt-in comment: the document is checked against the template, fully. */
export const OPT_IN_MARKER = '<!-- archdoc -->';
/** The opt-out comment: ArchDoc leaves the document alone. */
export const OPT_OUT_MARKER = '<!-- archdoc: false -->';

/** The quick fixes of the "doesn't follow the template" notice; none for any other diagnostic. */
export function templateChoiceFixes(context: FixContext, diagnostic: Diagnostic): Fix[] {
  if (!dataOf(diagnostic, 'missing-section')?.unrelated) return [];
  const { model } = context.analysis;
  const at = topLine(model);
  return [
    { kind: 'opt-in', title: `Check this document against the template (adds ${OPT_IN_MARKER})`, edits: [insertLines(model, at, OPT_IN_MARKER + '\n')], diagnostics: [diagnostic] },
    { kind: 'opt-out', title: `Don't check this document (adds ${OPT_OUT_MARKER})`, edits: [insertLines(model, at, OPT_OUT_MARKER + '\n')], diagnostics: [diagnostic] },
  ];
}
