/** Where a missing section goes: shared by the missing-section rule and the confidence policy's notice. */
import { readFrontMatter } from '../parse/frontMatter.ts';
import type { Analysis, MissingSectionEntry, Position0, SchemaSection } from '../types.ts';

/** A missing section as diagnostics carry it (see `MissingSectionEntry`). */
export function missingEntry(a: Analysis, section: SchemaSection): MissingSectionEntry {
  const { after, insertAt, adopts } = insertionPoint(a, section);
  return { sectionId: section.id, title: section.title, level: section.level, insertAt, after, adopts };
}

/**
 * Where the section goes: after the nearest earlier sibling that is present, else before the
 * first later sibling, else at the end of the parent's section.
 */
export function insertionPoint(a: Analysis, section: SchemaSection): { after: string; insertAt: Position0; adopts: boolean } {
  const { headings } = a.model;
  // The title goes first, after the front matter: a line before it would end the front matter's being one.
  if (section.id === '') return { after: '', insertAt: { line: readFrontMatter(a.model.lines).endLine, character: 0 }, adopts: false };
  const adopted = adoptedHeading(a, section);
  if (adopted !== undefined) return { after: '', insertAt: { line: headings[adopted].line, character: 0 }, adopts: true };
  return { ...templatePosition(a, section), adopts: false };
}

/**
 * When everything the template puts under a missing section already stands in the document
 * (a subsection filed elsewhere), inserting the section's heading anywhere else would leave it
 * empty: it goes just before the first of those subsections, and takes them in.
 */
function adoptedHeading(a: Analysis, section: SchemaSection): number | undefined {
  if (section.guidance !== '' || section.childIds.length === 0) return undefined;
  let first: number | undefined;
  for (const id of section.childIds) {
    const h = a.present.get(id);
    if (h === undefined) return undefined;
    if (first === undefined || h < first) first = h;
  }
  return first;
}

/** Per sibling list: for each position, the nearest present sibling before and after it (in order), or -1. */
interface SiblingPresence {
  readonly position: ReadonlyMap<string, number>;
  readonly before: Int32Array;
  readonly after: Int32Array;
}

/** Computed once per analysis and parent, so that k missing siblings cost k steps, not k². */
const presence = new WeakMap<Analysis, Map<string, SiblingPresence>>();

function siblingPresence(a: Analysis, parentId: string, siblings: readonly string[]): SiblingPresence {
  let byParent = presence.get(a);
  if (!byParent) presence.set(a, (byParent = new Map()));
  let known = byParent.get(parentId);
  if (known) return known;
  // A heading that stands for the parent and, by its name, for one of its subsections too
  // (`## Logging` for Monitoring and its Logging) is no place to insert next to: a sibling
  // inserted before it would land in the section above, one after it would split its text.
  const parent = a.present.get(parentId);
  const usable = (k: number): boolean => {
    const h = a.present.get(siblings[k]);
    return h !== undefined && h !== parent && !a.outOfOrder.has(h);
  };
  const before = new Int32Array(siblings.length).fill(-1);
  const after = new Int32Array(siblings.length).fill(-1);
  for (let k = 1; k < siblings.length; k++) before[k] = usable(k - 1) ? k - 1 : before[k - 1];
  for (let k = siblings.length - 2; k >= 0; k--) after[k] = usable(k + 1) ? k + 1 : after[k + 1];
  known = { position: new Map(siblings.map((id, k) => [id, k])), before, after };
  byParent.set(parentId, known);
  return known;
}

function templatePosition(a: Analysis, section: SchemaSection): { after: string; insertAt: Position0 } {
  const { headings } = a.model;
  const parentId = section.parentId ?? '';
  const siblings = (parentId === '' ? a.schema.root : a.schema.byId.get(parentId))?.childIds ?? [];
  const known = siblingPresence(a, parentId, siblings);
  const position = known.position.get(section.id) ?? -1;
  if (position >= 0) {
    const before = known.before[position];
    if (before >= 0) return { after: siblings[before], insertAt: { line: a.ends[a.present.get(siblings[before]) as number], character: 0 } };
    const next = known.after[position];
    if (next >= 0) return { after: '', insertAt: { line: headings[a.present.get(siblings[next]) as number].line, character: 0 } };
  }
  const parent = a.present.get(parentId);
  if (parent !== undefined) return { after: '', insertAt: { line: a.ends[parent], character: 0 } };
  const firstTop = headings.findIndex((h) => h.level <= section.level);
  return { after: '', insertAt: { line: firstTop >= 0 ? headings[firstTop].line : a.model.lines.length, character: 0 } };
}
