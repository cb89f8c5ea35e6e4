/** How sections are named in messages: as the heading a person would write, `## Security`. */
import type { Analysis, Schema, SchemaSection } from '../types.ts';

export function headingLabel(section: SchemaSection): string {
  return `${'#'.repeat(section.level)} ${section.title}`;
}

export function sectionLabel(schema: Schema, id: string): string {
  const s = schema.byId.get(id);
  return s ? headingLabel(s) : 'the title';
}

/** A heading of the document as it is written (`### Design Pattern`), to name it in messages. */
export function writtenLabel(a: Analysis, heading: number): string {
  const h = a.model.headings[heading];
  return `${'#'.repeat(h.level)} ${h.text}`;
}
