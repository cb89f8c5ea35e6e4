/**
 * Relates a document to its schema: which heading stands for which template section, which
 * sections are missing, repeated or out of order, and which placeholders are still there.
 * Computed once per document version and schema; every rule and feature reads the result.
 */
import type { Analysis, DocModel, FoundPlaceholder, Schema, SchemaSection, SectionMatch } from './types.ts';
import { orderSections } from './order.ts';
import { entryKindOf } from './entryKind.ts';
import { typedField } from './analysis/fieldValue.ts';
import { findSection, matchSections } from './match.ts';
import { readSectionMarkers, saysNotApplicable } from './parse/sectionMarkers.ts';
import { documentFit } from './fit.ts';

/** `[TODO]`, `[TBD: owner]`, `[...]`: marks people leave for themselves. */
const TODO_MARK = /^\[\s*(?:(?:TODO|TBD|TBC|FIXME|XXX)\b[^\]]*|(?:\.\.\.|…)\s*)\]$/i;
/** `[Owner Name]`, `[Team or Service]`: two or more capitalized words in brackets, like the template's own. */
const TITLE_CASE = /^\[\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|of|or|and|to|the|a|an|for|in|on|per))+\]$/u;

export function analyze(model: DocModel, schema: Schema): Analysis {
  const markers = readSectionMarkers(model);
  const { matches, present, duplicates, title } = matchSections(model, schema, markers);
  const notApplicable = notApplicableSections(model, schema, markers, matches, duplicates);

  const { parents, ends } = templateTree(model, matches);
  // A heading's parent in template terms: the nearest enclosing heading that stands for a
  // section of a higher template level.
  const matchedParent = model.headings.map((_h, i) => {
    const level = matches[i]?.section.level ?? Infinity;
    for (let p = parents[i]; p >= 0; p = parents[p]) {
      const m = matches[p];
      if (m && !duplicates.has(p) && m.section.level < level) return p;
    }
    return -1;
  });
  const outOfOrder = orderSections(matches, duplicates, matchedParent, parents);
  const missing = schema.sections.filter(
    (s) => !s.optional && !present.has(s.id) && !notApplicable.has(s.id) && (s.parentId === '' || present.has(s.parentId ?? '')) && !underNotApplicable(schema, s, notApplicable),
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
    notApplicable,
    fit: documentFit(model, schema, matches, duplicates, title),
  };
}

/** Sections the document says don't apply (by marker, or by a matched section whose body says so), and every section under them. */
function notApplicableSections(
  model: DocModel,
  schema: Schema,
  markers: ReturnType<typeof readSectionMarkers>,
  matches: ReadonlyArray<SectionMatch | undefined>,
  duplicates: ReadonlySet<number>,
): Set<string> {
  const out = new Set<string>();
  for (const m of markers) {
    if (m.kind !== 'not-applicable') continue;
    const section = findSection(schema, m.target);
    if (section) out.add(section.id);
  }
  matches.forEach((m, i) => {
    if (m && m.section.id !== '' && !duplicates.has(i) && saysNotApplicable(model, i)) out.add(m.section.id);
  });
  // What the template puts under a section that doesn't apply doesn't apply either.
  for (const s of schema.sections) if (!out.has(s.id) && underNotApplicable(schema, s, out)) out.add(s.id);
  return out;
}

function underNotApplicable(schema: Schema, section: SchemaSection, notApplicable: ReadonlySet<string>): boolean {
  for (let p = section.parentId; p; p = schema.byId.get(p)?.parentId) if (notApplicable.has(p)) return true;
  return false;
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

