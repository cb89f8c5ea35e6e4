/** Which kind of template entry a document's bold-titled block is, judged by where it stands. */
import type { Analysis, DocEntry, EntryKindSpec, SchemaSection } from './types.ts';

/** What deciding an entry's kind needs: the section matches, before the analysis is complete. */
type Matching = Pick<Analysis, 'schema' | 'matches' | 'present' | 'duplicates'>;

/** The kinds a section can hold: its own, or those of its subsections when it has none. */
export function kindsFor(a: Matching, section: SchemaSection): readonly EntryKindSpec[] {
  if (section.entryKinds.length) return section.entryKinds;
  const out: EntryKindSpec[] = [];
  for (const id of section.childIds) {
    const child = a.schema.byId.get(id);
    if (child && !a.present.has(id)) out.push(...child.entryKinds);
  }
  return out;
}

export function entryKindOf(a: Matching, entry: DocEntry): EntryKindSpec | undefined {
  if (entry.heading < 0) return undefined;
  const match = a.matches[entry.heading];
  if (!match || a.duplicates.has(entry.heading)) return undefined;
  const kinds = kindsFor(a, match.section);
  if (kinds.length <= 1) return kinds[0];
  const names = new Set(entry.fields.map((f) => f.name.toLowerCase()));
  const dated = /^\[?\d/.test(entry.title);
  let best = kinds[0];
  let bestScore = -1;
  for (const k of kinds) {
    const score = k.fields.filter((f) => names.has(f.name.toLowerCase())).length * 2 + (k.datedTitle === dated ? 1 : 0);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}
