/** Reading the value of a typed field as a person wrote it. */
import type { Analysis, DocFieldLine, Range, Schema, TypedFieldSpec } from '../types.ts';
import { range } from '../text.ts';

/** The value without emphasis, code ticks or a trailing full stop. */
export function bareValue(value: string): string {
  return withoutMarkers(value.trim()).replace(/\.$/, '').trim();
}

const MARKERS = '*_`';
/** Emphasis and code runs longer than this are not markup around a value. */
const MAX_MARKER_RUN = 8;

/** `**Active**` → `Active`: the longest run of `*`, `_` or backticks that opens and closes the value. */
function withoutMarkers(value: string): string {
  let run = 0;
  while (run < value.length && run < MAX_MARKER_RUN && MARKERS.includes(value[run])) run++;
  for (let k = Math.min(run, value.length >> 1); k > 0; k--) {
    if (value.endsWith(value.slice(0, k))) return value.slice(k, value.length - k);
  }
  return value;
}

/**
 * The part of a value that is checked: what comes before a note a person may add after it
 * (`2026-01-15 (after the review)`, `Active, pending sign-off`, `Draft - v2`).
 */
export function leadingValue(value: string): string {
  return value.slice(0, noteStart(value)).trim();
}

const SPACE = /\s/;

/**
 * Where a note starts: at white space followed by `-`, `–`, `—`, `(` or `by `, or at `, `.
 * One pass over the value; a split on `/\s+[-–—(]/` would retry every space of a long run.
 */
function noteStart(value: string): number {
  for (let i = 0; i < value.length; i++) {
    if (value[i] === ',' && SPACE.test(value[i + 1] ?? '')) return i;
    if (!SPACE.test(value[i])) continue;
    let end = i;
    while (end < value.length && SPACE.test(value[end])) end++;
    const next = value[end] ?? '';
    if ('-–—('.includes(next) && next !== '') return i;
    if (value.startsWith('by', end) && SPACE.test(value[end + 2] ?? '')) return i;
    i = end - 1;
  }
  return value.length;
}

export function typedField(schema: Schema, field: DocFieldLine): TypedFieldSpec | undefined {
  const label = field.label.trim().toLowerCase();
  return schema.typedFields.find((f) => f.label.toLowerCase() === label);
}

/** The range to flag: the value, or the whole line when the value is empty. */
export function valueRange(field: DocFieldLine, lineText: string): Range {
  if (field.value.trim() !== '') return field.valueRange;
  return range(field.line, lineText.length - lineText.trimStart().length, field.line, lineText.trimEnd().length);
}

/**
 * Lines inside entries of a known kind. A decision record's own `**Status**: Accepted` is one of
 * its fields, not the document's Status, so typed-field checks skip these lines.
 */
export function entryLines(a: Analysis): Uint8Array {
  const inside = new Uint8Array(a.model.lines.length);
  a.model.entries.forEach((e, i) => {
    if (a.entryKinds[i]) inside.fill(1, e.line, e.endLine);
  });
  return inside;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * Lines where the template puts the document's typed fields (Status, Last Updated): the header
 * before the first section, the footer after a closing rule (`---`) below the last heading, and
 * the run of field lines that ends the document. A `**Status:**` in a section's prose describes
 * the software, not the document, and is not checked.
 */
export function metadataLines(a: Analysis): Uint8Array {
  const { model } = a;
  const n = model.lines.length;
  const out = new Uint8Array(n);
  const title = a.present.get('');
  const first = model.headings.find((_h, i) => i !== title);
  out.fill(1, 0, first ? first.line : n);
  const last = model.headings.length ? model.headings[model.headings.length - 1] : undefined;
  if (last) {
    for (let line = n - 1; line > last.range.end.line; line--) {
      if (!model.codeLines[line] && THEMATIC_BREAK.test(model.lines[line])) {
        out.fill(1, line, n);
        break;
      }
    }
  }
  const fieldLine = new Set(model.fieldLines.map((f) => f.line));
  for (let line = n - 1; line >= 0; line--) {
    if (model.lines[line].trim() === '') continue;
    if (!fieldLine.has(line)) break;
    out[line] = 1;
  }
  return out;
}

/**
 * The document's own Status, as one reading for every question about the document's state (a
 * draft's quieter guidance in `check.ts`, the drift severity of the repository checks): the first
 * `**Status**` field where the template puts typed fields (`metadataLines`), not a decision
 * record's, its emphasis and any note after it left out, in lower case. Undefined without one.
 */
export function documentStatusValue(a: Analysis): string | undefined {
  const metadata = metadataLines(a);
  const inEntry = entryLines(a);
  const field = a.model.fieldLines.find((f) => f.label.trim().toLowerCase() === 'status' && metadata[f.line] === 1 && inEntry[f.line] === 0);
  return field ? bareValue(leadingValue(bareValue(field.value))).toLowerCase() : undefined;
}
