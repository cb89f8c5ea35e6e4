/**
 * Which heading stands for which template section. Real documents keep the template's idea
 * and adapt its headings, so a heading counts as a section when it is, in this order of trust:
 *
 * 1. declared so by the document (`<!-- archdoc: section Decision Log -->` in its body);
 * 2. the section's title (case, numbering, emoji and a trailing note in parentheses ignored);
 * 3. one of the section's aliases (the template's annotation or its sidecar);
 * 4. the title or an alias with qualifiers around it (`Security & Privacy`, `System Overview`);
 * 5. a near spelling of the title: a guess, which the document is told about.
 *
 * Headings are settled level by level, shallow first, so a heading's parent is known when it is
 * matched: under a section the author added, a heading is only taken for a template section of
 * its own level (a `### Deployment` note inside a custom section is not the Deployment section).
 * A heading at another level than its section only takes a section that is absent, never
 * making the correctly-levelled one a duplicate.
 */
import { distance } from 'fastest-levenshtein';
import type { DocModel, MatchKind, Schema, SchemaSection, SectionMatch } from './types.ts';
import { headingKey, withoutTrailingNote } from './text.ts';
import type { SectionMarker } from './parse/sectionMarkers.ts';
import { appendTo } from './multimap.ts';

export interface Matching {
  readonly matches: Array<SectionMatch | undefined>;
  readonly present: Map<string, number>;
  readonly duplicates: Set<number>;
  /** Index of the heading that is the document's title, or -1. */
  readonly title: number;
}

/** Words a qualifier may add without changing the section (`and`, `the`…), not counted as qualifiers. */
const FILLER = new Set(['and', 'the', 'of', 'for', 'a', 'an', 'our', 'to', 'in', 'on', 'with']);
/** At most this many qualifier words around the title: `Security and Privacy Considerations` still is Security. */
const MAX_QUALIFIERS = 3;
/**
 * A one-word alias is a loose name (`Architecture`, `Storage`), so with qualifiers it only counts
 * when they are words like these: `Monitoring & Alerting` is Monitoring, `Multi-Site Architecture` is not.
 */
const GENERIC_QUALIFIERS = new Set([
  'considerations', 'overview', 'strategy', 'strategies', 'approach', 'notes', 'details', 'summary', 'plan', 'plans',
  'management', 'setup', 'principles', 'concerns', 'characteristics', 'metrics', 'logging', 'monitoring', 'alerting',
  'tracing', 'privacy', 'security', 'performance', 'scalability', 'optimization', 'reliability', 'decisions', 'rationale',
]);

export function matchSections(model: DocModel, schema: Schema, markers: readonly SectionMarker[]): Matching {
  const { headings } = model;
  const matches: Array<SectionMatch | undefined> = new Array(headings.length).fill(undefined);
  const present = new Map<string, number>();
  const duplicates = new Set<number>();
  const byKey = new Map<string, SchemaSection[]>();
  const byAlias = new Map<string, SchemaSection[]>();
  for (const s of schema.sections) {
    appendTo(byKey, s.key, s);
    for (const a of s.aliases) appendTo(byAlias, a, s);
  }
  const title = schema.root.title !== '' ? headings.findIndex((h) => h.level === 1) : -1;
  if (title >= 0) {
    matches[title] = { section: schema.root, kind: 'exact' };
    present.set('', title);
  }

  const contextOf = (i: number): string => {
    for (let p = headings[i].parent; p >= 0; p = headings[p].parent) {
      const m = matches[p];
      if (m && !duplicates.has(p)) return m.section.id;
    }
    return '';
  };
  /** Under a heading the author added, only sections of the heading's own level may match. */
  const underCustom = (i: number): boolean => {
    const p = headings[i].parent;
    return p >= 0 && p !== title && matches[p] === undefined;
  };
  const claim = (i: number, section: SchemaSection, kind: MatchKind): void => {
    const levelled = headings[i].level === section.level;
    const holder = present.get(section.id);
    if (holder === undefined) {
      // A near spelling fixes the whole heading line, level included, so it stays a typo.
      matches[i] = { section, kind: levelled || kind === 'declared' || kind === 'typo' ? kind : 'level' };
      present.set(section.id, i);
      return;
    }
    // A heading at another level never displaces nor repeats a section that is there.
    if (!levelled && kind !== 'declared') return;
    matches[i] = { section, kind };
    if (headings[holder].level === section.level) duplicates.add(i);
    else {
      // The correctly-levelled heading is the section; the earlier, mislevelled one repeats it.
      duplicates.add(holder);
      present.set(section.id, i);
    }
  };
  const allowed = (i: number, s: SchemaSection): boolean => !underCustom(i) || s.level === headings[i].level;
  const pick = (i: number, candidates: readonly SchemaSection[] | undefined): SchemaSection | undefined => {
    const usable = candidates?.filter((c) => allowed(i, c));
    if (!usable?.length) return undefined;
    const context = contextOf(i);
    const level = headings[i].level;
    return (
      usable.find((c) => c.parentId === context && c.level === level && !present.has(c.id)) ??
      usable.find((c) => c.parentId === context && !present.has(c.id)) ??
      usable.find((c) => c.level === level && !present.has(c.id)) ??
      usable.find((c) => !present.has(c.id)) ??
      usable.find((c) => c.level === level && c.parentId === context) ??
      usable.find((c) => c.level === level)
    );
  };

  // Markers come first: the author's word is final.
  for (const m of markers) {
    if (m.kind !== 'section' || m.heading < 0 || m.heading === title) continue;
    const section = findSection(schema, m.target);
    if (section && !matches[m.heading]) claim(m.heading, section, 'declared');
  }

  // Each heading's key once: the phases below would otherwise fold a long heading four times.
  const keys = headings.map((h) => headingKey(h.text));
  const levels = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
  for (const level of levels) {
    const group = headings.map((_h, i) => i).filter((i) => headings[i].level === level && i !== title && !matches[i]);
    const phase = (find: (i: number, key: string) => { section: SchemaSection; kind: MatchKind } | undefined): void => {
      for (const i of group) {
        if (matches[i]) continue;
        const found = find(i, keys[i]);
        if (found) claim(i, found.section, found.kind);
      }
    };
    phase((i, key) => {
      // A trailing note in parentheses (`## Decision Log (ADRs)`) doesn't change which section it is.
      const bare = withoutTrailingNote(headings[i].text);
      const candidates = byKey.get(key) ?? (bare === headings[i].text ? undefined : byKey.get(headingKey(bare)));
      const exact = pick(i, candidates);
      if (!exact) return undefined;
      // Written one level off, the title may still be a qualified form of an absent section at
      // the heading's own level: `## Testing Strategy` is the document's Testing section.
      if (exact.level !== level) {
        const alias = byAlias.get(key)?.find((s) => s.level === level && !present.has(s.id) && allowed(i, s));
        if (alias) return { section: alias, kind: 'alias' };
        const same = qualified(key, level, schema, present, (s) => allowed(i, s));
        if (same) return { section: same, kind: 'qualified' };
      }
      return { section: exact, kind: 'exact' };
    });
    phase((i, key) => {
      // An alias names a section that is still absent: a second heading by another name is the
      // author's own section, not a repeat. The section's own level is preferred.
      const absent = byAlias.get(key)?.filter((s) => !present.has(s.id) && allowed(i, s)) ?? [];
      const section = absent.find((s) => s.level === level) ?? absent[0];
      return section ? { section, kind: 'alias' } : undefined;
    });
    phase((i, key) => {
      const section = qualified(key, level, schema, present, (s) => allowed(i, s));
      return section ? { section, kind: 'qualified' } : undefined;
    });
    phase((i, key) => {
      const section = nearMiss(key, contextOf(i), schema, present, (s) => allowed(i, s));
      return section ? { section, kind: 'typo' } : undefined;
    });
  }
  coverChildren(model, schema, matches, present, duplicates);
  return { matches, present, duplicates, title };
}

/**
 * A heading that stands for a section under another name and is spelled as one of that
 * section's subsections (`## Testing Strategy` for Testing) is that subsection too.
 */
function coverChildren(
  model: DocModel,
  schema: Schema,
  matches: ReadonlyArray<SectionMatch | undefined>,
  present: Map<string, number>,
  duplicates: ReadonlySet<number>,
): void {
  matches.forEach((m, i) => {
    if (!m || duplicates.has(i) || (m.kind !== 'qualified' && m.kind !== 'alias')) return;
    const key = headingKey(model.headings[i].text);
    for (const id of m.section.childIds) {
      const child = schema.byId.get(id);
      if (child && !present.has(id) && (child.key === key || child.aliases.includes(key))) present.set(id, i);
    }
  });
}

/** The template section a marker names: by id, title or alias. */
export function findSection(schema: Schema, target: string): SchemaSection | undefined {
  const key = headingKey(target);
  return schema.byId.get(target.trim()) ?? schema.sections.find((s) => s.key === key) ?? schema.sections.find((s) => s.aliases.includes(key));
}

function words(key: string): string[] {
  return key.split(' ').filter((w) => w !== '');
}

/**
 * The absent section at `level` whose title or alias the heading contains as whole words, with
 * a few qualifiers around it. The most specific wins (most words matched), then template order.
 */
function qualified(
  key: string,
  level: number,
  schema: Schema,
  present: ReadonlyMap<string, number>,
  allowed: (s: SchemaSection) => boolean,
): SchemaSection | undefined {
  const have = new Set(words(key));
  const meaningful = [...have].filter((w) => !FILLER.has(w)).length;
  let best: SchemaSection | undefined;
  let bestWords = 0;
  for (const s of schema.sections) {
    if (s.level !== level || present.has(s.id) || !allowed(s)) continue;
    for (const name of [s.key, ...s.aliases]) {
      const need = words(name).filter((w) => !FILLER.has(w));
      if (need.length === 0 || !need.every((w) => have.has(w))) continue;
      const added = meaningful - need.length;
      if (added < 1 || added > MAX_QUALIFIERS) continue;
      const loose = name !== s.key && need.length === 1;
      if (loose && ![...have].every((w) => FILLER.has(w) || need.includes(w) || GENERIC_QUALIFIERS.has(w))) continue;
      if (need.length > bestWords) {
        best = s;
        bestWords = need.length;
      }
    }
  }
  return best;
}

/** How many edits a heading may be from a template title and still be that section. */
function typoLimit(key: string): number {
  if (key.length <= 4) return 0;
  if (key.length <= 8) return 1;
  if (key.length <= 16) return 2;
  return 3;
}

function nearMiss(
  key: string,
  context: string,
  schema: Schema,
  present: ReadonlyMap<string, number>,
  allowed: (s: SchemaSection) => boolean,
): SchemaSection | undefined {
  if (key === '') return undefined;
  let best: SchemaSection | undefined;
  let bestScore = Infinity;
  for (const s of schema.sections) {
    if (present.has(s.id) || !allowed(s)) continue;
    const limit = Math.min(typoLimit(key), typoLimit(s.key));
    if (limit === 0 || Math.abs(key.length - s.key.length) > limit) continue;
    const d = swapped(key, s.key) ? 1 : distance(key, s.key);
    if (d > limit) continue;
    // Prefer sections under the same parent; among equals, the closest title.
    const score = d * 2 + (s.parentId === context ? 0 : 1);
    if (score < bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** Whether two words differ by one swap of neighbouring letters (`Overveiw`): one slip of the fingers, one edit. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
