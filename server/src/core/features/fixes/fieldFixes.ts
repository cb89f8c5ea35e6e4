/** Fixes for an entry without some of its fields: add one, or all of them, where the template puts them. */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DocEntry, EntryKindSpec } from '../../types.ts';
import { entryAt, entryKindOf, insertLines } from '../shared.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';
import { appendTo } from '../../multimap.ts';

interface Insertion {
  readonly line: number;
  /** The field's position in the template's order, to order fields inserted at one line. */
  readonly order: number;
  readonly text: string;
}

/**
 * Where a field goes: before the first field of the entry that the template puts after it,
 * else where the diagnostic says (after the entry's last field). "Rationale" lands between
 * "Decision" and "Consequences", as in the template, not after "Consequences".
 */
function insertion(kind: EntryKindSpec | undefined, entry: DocEntry | undefined, field: string, fallback: number, text: string): Insertion {
  const order = (name: string): number => kind?.fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase()) ?? -1;
  const own = order(field);
  if (!entry || own < 0) return { line: fallback, order: own, text };
  const later = entry.fields.filter((f) => order(f.name) > own).sort((a, b) => a.line - b.line)[0];
  return { line: later && later.line < fallback ? later.line : fallback, order: own, text };
}

function insertionFor(context: FixContext, diagnostic: Diagnostic): Insertion | undefined {
  const data = dataOf(diagnostic, 'missing-field');
  if (!data) return undefined;
  const entry = entryAt(context.analysis.model, diagnostic.range.start.line);
  const kind = entry && entryKindOf(context.analysis, entry);
  return insertion(kind, entry, data.field, data.insertAt.line, data.text);
}

/** The missing-field diagnostics per entry title line, grouped once per list of diagnostics. */
const byTitle = new WeakMap<FixContext['all'], Map<number, Diagnostic[]>>();

function missingFieldsByLine(context: FixContext): Map<number, Diagnostic[]> {
  let out = byTitle.get(context.all);
  if (out) return out;
  out = new Map();
  for (const d of context.all) {
    if (!dataOf(d, 'missing-field')) continue;
    const list = out.get(d.range.start.line);
    if (list) list.push(d);
    else out.set(d.range.start.line, [d]);
  }
  byTitle.set(context.all, out);
  return out;
}

export function addMissingField(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'missing-field');
  const own = insertionFor(context, diagnostic);
  if (!data || !own) return [];
  const { model } = context.analysis;
  const fixes: Fix[] = [{ kind: 'add-field', title: `Add field "${data.field}"`, edits: [insertLines(model, own.line, own.text)], diagnostics: [diagnostic], preferred: true }];
  const siblings = missingFieldsByLine(context).get(diagnostic.range.start.line) ?? [];
  if (siblings.length > 1) {
    const byLine = new Map<number, Insertion[]>();
    for (const d of siblings) {
      const i = insertionFor(context, d);
      if (i) appendTo(byLine, i.line, i);
    }
    const edits = [...byLine].map(([line, list]) =>
      insertLines(model, line, list.sort((a, b) => a.order - b.order).map((i) => i.text.replace(/\n?$/, '\n')).join('')),
    );
    fixes.push({ kind: 'add-all-fields', title: `Add all ${siblings.length} missing fields`, edits, diagnostics: siblings });
  }
  return fixes;
}
