/** How sections are named in messages: as the heading a person would write, `## Security`. */
import type { Schema, SchemaSection } from '../types.ts';

export function headingLabel(section: SchemaSection): string {
  return `${'#'.repeat(section.level)} ${section.title}`;
}

export function sectionLabel(schema: Schema, id: string): string {
  const s = schema.byId.get(id);
  return s ? headingLabel(s) : 'the title';
}
