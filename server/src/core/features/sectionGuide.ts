/**
 * One template section as a writer needs it: what the template says belongs there (its
 * guidance), the markdown to start from (its skeleton, placeholders kept), and where it sits.
 */
import { sectionSkeleton } from '../template/render.ts';
import type { Schema, SchemaSection } from '../types.ts';

export interface SectionGuide {
  id: string;
  title: string;
  level: number;
  optional: boolean;
  /** The enclosing section's title, unless it is the document's title. */
  parent?: string;
  guidance: string;
  skeleton: string;
  subsections: string[];
}

/** A section named by its id, its title or its heading (`## Security`), in any case. */
export function findSection(schema: Schema, query: string): SchemaSection | undefined {
  const wanted = query.replace(/^#{1,6}\s*/, '').trim().toLowerCase();
  return schema.byId.get(query) ?? schema.sections.find((s) => s.title.toLowerCase() === wanted) ?? schema.sections.find((s) => s.key === wanted);
}

export function sectionGuide(schema: Schema, section: SchemaSection, today: string): SectionGuide {
  const guide: SectionGuide = {
    id: section.id,
    title: section.title,
    level: section.level,
    optional: section.optional,
    guidance: section.guidance,
    skeleton: sectionSkeleton(schema, section, { today, keepPlaceholders: true }),
    subsections: section.childIds.map((id) => schema.byId.get(id)?.title ?? id),
  };
  const parent = section.parentId ? schema.byId.get(section.parentId) : undefined;
  if (parent && parent.level > 1) guide.parent = parent.title;
  return guide;
}

/** The top-level sections' titles, for a message that says what can be asked for. */
export function sectionTitles(schema: Schema): string[] {
  // A reduce, not Math.min(...): a spread of a large template's sections overflows the stack.
  const top = schema.sections.length ? schema.sections.reduce((min, s) => Math.min(min, s.level), Infinity) : 2;
  return schema.sections.filter((s) => s.level === top).map((s) => s.title);
}

/**
 * What a template expects, in two sentences an agent can act on: its top-level sections in
 * order and the fields its entries (decision records, components…) require.
 */
export function templateSummary(schema: Schema): string {
  const sections = sectionTitles(schema).join(', ');
  const kinds = new Map<string, string[]>();
  for (const section of schema.sections) {
    for (const kind of section.entryKinds) {
      const required = kind.fields.filter((f) => f.required).map((f) => f.name);
      if (required.length && !kinds.has(kind.label)) kinds.set(kind.label, required);
    }
  }
  const entries = [...kinds].map(([label, fields]) => `${label} entries need ${fields.join(', ')}`).join('; ');
  const placeholders = schema.placeholders.filter((p) => !p.inCode).slice(0, 3).map((p) => p.text);
  return [
    `The template's sections, in order: ${sections}.`,
    placeholders.length ? `Placeholders such as ${placeholders.join(', ')} must be replaced, and the template's guidance prose rewritten with the project's facts.` : '',
    entries ? `${entries}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
