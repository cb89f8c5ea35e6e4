/** Reading the value of a typed field as a person wrote it. */
import type { Analysis, DocFieldLine, Range, Schema, TypedFieldSpec } from '../types.ts';
import { range } from '../text.ts';

/** The value without emphasis, code ticks or a trailing full stop. */
export function bareValue(value: string): string {
  return value
    .trim()
    .replace(/^([*_`]+)(.*?)\1$/, '$2')
    .replace(/\.$/, '')
    .trim();
}

/**
 * The part of a value that is checked: what comes before a note a person may add after it
 * (`2026-01-15 (after the review)`, `Active, pending sign-off`, `Draft - v2`).
 */
export function leadingValue(value: string): string {
  return value.split(/\s+[-–—(]|,\s|\s+by\s/)[0].trim();
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
