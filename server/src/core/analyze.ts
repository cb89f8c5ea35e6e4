/**
 * Relates a document to its schema: which heading stands for which template section, which
 * sections are missing, repeated or out of order, and which placeholders are still there.
 * Computed once per document version and schema; every rule and feature reads the result.
 */
import type { Analysis, DocModel, FoundPlaceholder, Schema, SchemaSection, SectionMatch } from './types.ts';
import { editDistance, headingKey, withoutTrailingNote } from './text.ts';
import { orderSections } from './order.ts';
import { entryKindOf } from './entryKind.ts';
import { typedField } from './analysis/fieldValue.ts';

/** `[TODO]`, `[TBD: owner]`, `[...]`: marks people leave for themselves. */
const TODO_MARK = /^\[\s*(?:(?:TODO|TBD|TBC|FIXME|XXX)\b[^\]]*|(?:\.\.\.|…)\s*)\]$/i;
/** `[Owner Name]`, `[Team or Service]`: two or more capitalized words in brackets, like the template's own. */
const TITLE_CASE = /^\[\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|of|or|and|to|the|a|an|for|in|on|per))+\]$/u;

export function analyze(model: DocModel, schema: Schema): Analysis {
  const { headings } = model;
  const matches: Array<SectionMatch | undefined> = new Array(headings.length).fill(undefined);
  const present = new Map<string, number>();
  const duplicates = new Set<number>();
  const byKey = new Map<string, SchemaSection[]>();
  for (const s of schema.sections) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);

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
  const claim = (i: number, section: SchemaSection, kind: SectionMatch['kind']): void => {
    matches[i] = { section, kind };
    if (present.has(section.id)) duplicates.add(i);
    else present.set(section.id, i);
  };

  // Exact titles first, preferring the section under the same parent.
  headings.forEach((h, i) => {
    if (i === title) return;
    // A trailing note in parentheses (`## Decision Log (ADRs)`) doesn't change which section it is.
    const candidates = byKey.get(headingKey(h.text)) ?? byKey.get(headingKey(withoutTrailingNote(h.text)));
    if (!candidates) return;
    const context = contextOf(i);
    const pick =
      candidates.find((c) => c.parentId === context && !present.has(c.id)) ??
      candidates.find((c) => !present.has(c.id)) ??
      candidates.find((c) => c.parentId === context) ??
      candidates[0];
    claim(i, pick, h.level === pick.level ? 'exact' : 'level');
  });

  // Then near misses of sections still absent.
  headings.forEach((h, i) => {
    if (i === title || matches[i]) return;
    const section = nearMiss(headingKey(h.text), contextOf(i), schema, present);
    if (section) claim(i, section, 'typo');
  });

  const { parents, ends } = templateTree(model, matches);
  // A heading's parent in template terms: the nearest enclosing heading that stands for a
  // section of a higher template level.
  const matchedParent = headings.map((_h, i) => {
    const level = matches[i]?.section.level ?? Infinity;
    for (let p = parents[i]; p >= 0; p = parents[p]) {
      const m = matches[p];
      if (m && !duplicates.has(p) && m.section.level < level) return p;
    }
    return -1;
  });
  const outOfOrder = orderSections(matches, duplicates, matchedParent, parents);
  const missing = schema.sections.filter(
    (s) => !s.optional && !present.has(s.id) && (s.parentId === '' || present.has(s.parentId ?? '')),
  );
  if (schema.root.title !== '' && title < 0) missing.unshift(schema.root);
  const placeholders = countedPlaceholders(model, schema, matches, duplicates);
  const partial = { model, schema, matches, present, duplicates };
  const entryKinds = model.entries.map((e) => entryKindOf(partial, e));
  return {
    parents,
    ends,
    entryKinds,
    model,
    schema,
    matches,
    present,
    duplicates,
    outOfOrder,
    missing,
    placeholders,
    placeholderLines: new Set(placeholders.map((p) => p.range.start.line)),
    matchedParent,
  };
}

/**
 * The section tree as the template sees it: a heading that stands for a template section takes
 * that section's level, so `### Infrastructure` written one level too deep still holds the
 * `###` subsections that follow it, and `# Decision Log` doesn't swallow the sections after it.
 */
function templateTree(model: DocModel, matches: ReadonlyArray<SectionMatch | undefined>): { parents: number[]; ends: number[] } {
  const { headings } = model;
  const parents = new Array<number>(headings.length).fill(-1);
  const ends = new Array<number>(headings.length).fill(model.lines.length);
  const levels = headings.map((h, i) => matches[i]?.section.level ?? h.level);
  const stack: number[] = [];
  headings.forEach((h, i) => {
    while (stack.length && levels[stack[stack.length - 1]] >= levels[i]) ends[stack.pop() as number] = h.line;
    parents[i] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
  });
  return { parents, ends };
}

/** How many edits a heading may be from a template title and still be that section. */
function typoLimit(key: string): number {
  if (key.length <= 4) return 0;
  if (key.length <= 8) return 1;
  if (key.length <= 16) return 2;
  return 3;
}

function nearMiss(key: string, context: string, schema: Schema, present: ReadonlyMap<string, number>): SchemaSection | undefined {
  if (key === '') return undefined;
  let best: SchemaSection | undefined;
  let bestScore = Infinity;
  for (const s of schema.sections) {
    if (present.has(s.id)) continue;
    const limit = Math.min(typoLimit(key), typoLimit(s.key));
    if (limit === 0) continue;
    const d = editDistance(key, s.key, limit);
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

/**
 * The placeholders that count as unfilled: the template's own tokens, date and enumeration
 * shapes, and TODO marks. In code only the template's own code placeholders count, and only
 * in the section where the template puts them.
 */
function countedPlaceholders(
  model: DocModel,
  schema: Schema,
  matches: ReadonlyArray<SectionMatch | undefined>,
  duplicates: ReadonlySet<number>,
): FoundPlaceholder[] {
  if (model.placeholders.length === 0) return [];
  const own = new Map<string, (typeof schema.placeholders)[number]>();
  const inCode = new Map<string, Set<string>>();
  for (const p of schema.placeholders) {
    const key = foldToken(p.text);
    if (p.inCode) inCode.set(key, (inCode.get(key) ?? new Set()).add(p.sectionId));
    else if (!own.has(key)) own.set(key, p);
  }
  // On a typed field's line, a placeholder stands for that field's value, whatever its shape
  // (`**Status**: YYYY-MM-DD` wants a status, not a date).
  const fieldOfLine = new Map<number, (typeof schema.typedFields)[number]>();
  for (const f of model.fieldLines) {
    const spec = typedField(schema, f);
    if (spec) fieldOfLine.set(f.line, spec);
  }
  const out: FoundPlaceholder[] = [];
  let h = -1;
  for (const p of model.placeholders) {
    const line = p.range.start.line;
    while (h + 1 < model.headings.length && model.headings[h + 1].line <= line) h++;
    const key = foldToken(p.text);
    if (p.inCode) {
      const sections = inCode.get(key);
      const m = h >= 0 && !duplicates.has(h) ? matches[h] : undefined;
      if (sections && m && sections.has(m.section.id)) out.push(p);
      continue;
    }
    const spec = own.get(key);
    const found: FoundPlaceholder | undefined = spec
      ? { ...p, kind: spec.kind, values: spec.values }
      : p.kind === 'date'
        ? p
        : p.kind === 'enum' && isEnumeration(p.text)
          ? { ...p, values: enumValues(p.text) }
          : TODO_MARK.test(p.text) || TITLE_CASE.test(p.text)
            ? p
            : undefined;
    if (!found) continue;
    const field = fieldOfLine.get(line);
    out.push(field ? { ...found, kind: field.kind, values: field.values } : found);
  }
  return out;
}

function foldToken(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

function enumValues(text: string): string[] {
  return text.slice(1, -1).split('|').map((v) => v.trim());
}

function isEnumeration(text: string): boolean {
  const values = enumValues(text);
  return values.length >= 2 && values.every((v) => v.length > 0 && v.length <= 40);
}

