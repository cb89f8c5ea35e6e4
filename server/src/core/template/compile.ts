/**
 * Compiles a markdown template into the immutable schema that every feature reads.
 * The template is parsed with the same parser as documents, so both agree on what a
 * heading, a list, a table or a placeholder is.
 */
import type { DocModel, PlaceholderSpec, Schema, SchemaSection, TemplateSidecar, TypedFieldSpec } from '../types.ts';
import { parseDocument } from '../parse/document.ts';
import { headingKey, normalizeLine, optionalNoteStart, slug, wordCount } from '../text.ts';
import { readAnnotations, type Annotations } from './annotations.ts';
import { entryKinds, type EntryKindWithLine } from './entries.ts';

export type CompileResult = { readonly schema: Schema; readonly error?: undefined } | { readonly schema?: undefined; readonly error: string };

/** Templates larger than this are refused: a template is a page of prose, not a data file. */
export const MAX_TEMPLATE_CHARS = 1_000_000;
/**
 * Templates with more headings than this are refused too. Compiling is linear, but each section
 * costs far more than a character (its schema entry, and a finding when a document lacks it):
 * a megabyte of `## A` lines is 200,000 sections and took 2 s. A real template has dozens.
 */
export const MAX_TEMPLATE_SECTIONS = 10_000;

/** A section is optional when its body starts with `(If applicable…)` or `(Optional…)`, or its heading ends so. */
const OPTIONAL_MARK = /^\(\s*(?:if applicable|optional)/i;

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Compiles a template's text, with what its sidecar says about it. */
export function compileTemplate(text: string, sidecar: TemplateSidecar = {}): CompileResult {
  if (text.length > MAX_TEMPLATE_CHARS) return { error: `The template is too large (${text.length} characters; at most ${MAX_TEMPLATE_CHARS}).` };
  if (text.includes('\u0000')) return { error: 'The template is not text (it contains NUL bytes).' };
  const model = parseDocument(text);
  if (model.headings.length === 0) return { error: 'The template has no headings, so it defines no sections.' };
  if (model.headings.length > MAX_TEMPLATE_SECTIONS) {
    return { error: `The template has too many headings (${model.headings.length}; at most ${MAX_TEMPLATE_SECTIONS}).` };
  }
  const notes = readAnnotations(model);
  const built = buildSections(model, notes, sidecar);
  const placeholders = collectPlaceholders(model, built.sectionOfLine);
  const typedFields = collectTypedFields(model);
  const templateLines = collectTemplateLines(model, built.sectionOfLine, built.entryTitleLines, notes);
  const schema: Schema = {
    source: text,
    sidecar,
    root: built.root,
    sections: built.sections,
    byId: new Map([built.root, ...built.sections].map((s) => [s.id, s])),
    templateLines,
    placeholders,
    typedFields,
  };
  return { schema };
}

interface Built {
  readonly root: SchemaSection;
  readonly sections: SchemaSection[];
  /** Section id for each template line. */
  readonly sectionOfLine: string[];
  readonly entryTitleLines: ReadonlySet<number>;
}

function buildSections(model: DocModel, notes: Annotations, sidecar: TemplateSidecar | undefined): Built {
  const { headings, lines } = model;
  const hasTitle = headings[0].level === 1 && headings.filter((h) => h.level === 1).length === 1;
  const ids: string[] = [];
  const sections: SchemaSection[] = [];
  const children = new Map<string, string[]>([['', []]]);
  const sectionOfLine = new Array<string>(lines.length).fill('');
  const entryTitleLines = new Set<number>();
  const used = new Set<string>();
  // The next suffix to try per id, so that k identical headings cost k steps, not k².
  const nextSuffix = new Map<string, number>();
  // Each heading's first direct subsection, found in one pass.
  const firstChildOf = new Map<number, number>();
  headings.forEach((h, i) => {
    if (h.parent >= 0 && !firstChildOf.has(h.parent)) firstChildOf.set(h.parent, i);
    if (i === 0 && hasTitle) {
      ids.push('');
      return;
    }
    const parentId = h.parent >= 0 ? ids[h.parent] : '';
    const base = (parentId ? parentId + '/' : '') + slug(h.text);
    let id = base;
    for (let n = nextSuffix.get(base) ?? 2; used.has(id); n++) {
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    used.add(id);
    ids.push(id);
    children.set(id, []);
    children.get(parentId)?.push(id);
  });
  headings.forEach((h, i) => sectionOfLine.fill(ids[i], h.line, h.endLine));
  const bodyEnd = (i: number): number => {
    const h = headings[i];
    const firstChild = firstChildOf.get(i);
    let end = firstChild !== undefined ? headings[firstChild].line : h.endLine;
    for (let l = h.line + 1; l < end; l++) {
      if (!model.codeLines[l] && !model.proseLines[l] && THEMATIC_BREAK.test(lines[l])) {
        end = l;
        break;
      }
    }
    return end;
  };
  const skeletonEnd = (i: number): number => {
    const h = headings[i];
    for (let l = h.line + 1; l < h.endLine; l++) {
      if (!model.codeLines[l] && !model.proseLines[l] && THEMATIC_BREAK.test(lines[l])) return l;
    }
    return h.endLine;
  };
  const make = (i: number): SchemaSection => {
    const h = headings[i];
    const id = ids[i];
    const body = cleanLines(lines.slice(h.line + 1, bodyEnd(i)), h.line + 1, notes);
    const firstText = body.find((l) => l.trim() !== '') ?? '';
    const optional = notes.required.has(i) ? false : notes.optional.has(i) || OPTIONAL_MARK.test(firstText.trim()) || optionalNoteStart(h.text) >= 0;
    const kinds: EntryKindWithLine[] = entryKinds(model, i, id, notes);
    const named = [...(notes.aliases.get(i) ?? []), ...namesIn(sidecar?.aliases?.[id]), ...namesIn(sidecar?.aliases?.[h.text])];
    const aliases = [...new Set(named.map(headingKey).filter((k) => k !== '' && k !== headingKey(h.text)))];
    for (const k of kinds) entryTitleLines.add(k.titleLine);
    return {
      id,
      title: h.text,
      key: headingKey(h.text),
      level: h.level,
      index: -1,
      parentId: id === '' ? undefined : h.parent >= 0 ? ids[h.parent] : '',
      childIds: children.get(id) ?? [],
      optional,
      aliases,
      guidance: body.join('\n').trim(),
      skeleton: trimBlank(cleanLines(lines.slice(h.line, skeletonEnd(i)), h.line, notes)).join('\n'),
      entryKinds: kinds.map(({ titleLine: _t, ...k }) => k),
      line: h.line,
    };
  };
  let root: SchemaSection;
  if (hasTitle) {
    root = make(0);
  } else {
    root = {
      id: '',
      title: '',
      key: '',
      level: 1,
      index: -1,
      parentId: undefined,
      childIds: children.get('') ?? [],
      optional: false,
      aliases: [],
      guidance: '',
      skeleton: '',
      entryKinds: [],
      line: 0,
    };
  }
  headings.forEach((_h, i) => {
    if (i === 0 && hasTitle) return;
    sections.push({ ...make(i), index: sections.length });
  });
  return { root, sections, sectionOfLine, entryTitleLines };
}

/** Drops annotation comments so that they never reach a document or a hover. */
function cleanLines(lines: string[], firstLine: number, notes: Annotations): string[] {
  return lines.filter((_l, i) => !notes.lines.has(firstLine + i));
}

function trimBlank(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  return lines.slice(0, end);
}

function collectPlaceholders(model: DocModel, sectionOfLine: readonly string[]): PlaceholderSpec[] {
  return model.placeholders.map((p) => {
    const inner = p.text.startsWith('[') ? p.text.slice(1, -1) : p.text;
    const values = p.kind === 'enum' ? inner.split('|').map((v) => v.trim()).filter(Boolean) : undefined;
    const kind: PlaceholderSpec['kind'] = p.kind === 'enum' ? 'enum' : p.kind === 'date' || /\bdate\b/i.test(inner) ? 'date' : 'text';
    return { text: p.text, kind, values, sectionId: sectionOfLine[p.range.start.line] ?? '', inCode: p.inCode };
  });
}

function collectTypedFields(model: DocModel): TypedFieldSpec[] {
  const fields: TypedFieldSpec[] = [];
  const byLine = new Map<number, DocModel['placeholders'][number][]>();
  for (const x of model.placeholders) {
    const list = byLine.get(x.range.start.line);
    if (list) list.push(x);
    else byLine.set(x.range.start.line, [x]);
  }
  for (const f of model.fieldLines) {
    const p = byLine.get(f.line)?.find((x) => x.text === f.value);
    if (!p) continue;
    if (p.kind === 'enum') {
      const values = p.text.slice(1, -1).split('|').map((v) => v.trim()).filter(Boolean);
      fields.push({ label: f.label, kind: 'enum', values, placeholder: p.text });
    } else if (p.kind === 'date' || /\bdate\b/i.test(p.text)) {
      fields.push({ label: f.label, kind: 'date', placeholder: p.text });
    }
  }
  return fields;
}

/**
 * Guidance and example lines that a person is meant to replace. Structure is left out:
 * headings, table headers and delimiter rows, fences, rules, labels, one-word lines.
 */
function collectTemplateLines(
  model: DocModel,
  sectionOfLine: readonly string[],
  entryTitleLines: ReadonlySet<number>,
  notes: Annotations,
): Map<string, string> {
  const out = new Map<string, string>();
  const headingLines = new Set(model.headings.map((h) => h.line));
  const tableStructure = new Set<number>();
  for (const t of model.tables) {
    tableStructure.add(t.headerLine);
    tableStructure.add(t.headerLine + 1);
  }
  const titleLines = new Set(model.entries.map((e) => e.line));
  model.lines.forEach((raw, line) => {
    if (!model.proseLines[line] || model.codeLines[line] || notes.lines.has(line)) return;
    if (headingLines.has(line) || tableStructure.has(line)) return;
    if (titleLines.has(line) && !entryTitleLines.has(line)) return;
    const text = raw.trim();
    if (text === '' || /^(\*\*|__)[^*_]+:?(\*\*|__):?$/.test(text) && !entryTitleLines.has(line)) return;
    if (/^[-=*_`~{}[\]()|:\s]+$/.test(text)) return;
    if (wordCount(text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')) <= 1) return;
    out.set(normalizeLine(raw, model.tableLines[line] === 1), sectionOfLine[line] ?? '');
  });
  return out;
}

/** The names a sidecar gives a section; anything but a list of strings gives none. */
function namesIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
