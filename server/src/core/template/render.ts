/**
 * Text produced from the template: a whole new document, and the skeleton of one section
 * for completions and quick fixes.
 */
import type { Schema, SchemaSection } from '../types.ts';

export interface RenderOptions {
  /** The project's name; line breaks become spaces so that the name can't add structure. */
  readonly name: string;
  /** ISO date for date fields (`YYYY-MM-DD`). */
  readonly date: string;
  /** Value for enumeration fields such as Status; defaults to the sidecar's `newDocument.status`, else the first value. */
  readonly status?: string;
}

const ANNOTATION_LINE = /^\s*<!--\s*archdoc:.*-->\s*$/;

/**
 * A new document: the template with the project name, today's date and the status filled in.
 * Which placeholders name the project is the template's sidecar's to say (`projectName`).
 */
export function renderDocument(schema: Schema, given: RenderOptions): string {
  const options = { ...given, status: given.status ?? schema.sidecar.newDocument?.status };
  const name = options.name.replace(/\r\n|\r|\n/g, ' ');
  const namePlaceholders = new Set(schema.sidecar.projectName ?? []);
  const lines = schema.source.split(/(\r\n|\r|\n)/);
  const out: string[] = [];
  let inFence: string | undefined;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i];
    const eol = lines[i + 1] ?? '';
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) inFence = inFence === undefined ? fence[1][0] : line.trim().startsWith(inFence) ? undefined : inFence;
    if (!fence && inFence === undefined && ANNOTATION_LINE.test(line)) continue;
    out.push((inFence === undefined && !fence ? fillLine(schema, line, name, namePlaceholders, options) : line) + eol);
  }
  return out.join('');
}

function fillLine(schema: Schema, line: string, name: string, names: ReadonlySet<string>, options: RenderOptions): string {
  let text = line;
  for (const p of names) text = text.split(p).join(name);
  for (const f of schema.typedFields) {
    const label = new RegExp(`^(\\s*(?:\\*\\*|__)${escapeRe(f.label)}(?::(?:\\*\\*|__)|(?:\\*\\*|__):)\\s*)${escapeRe(f.placeholder)}\\s*$`);
    const value = f.kind === 'date' ? options.date : pickValue(f.values ?? [], options.status);
    text = text.replace(label, (_m, head: string) => head + value);
  }
  return text;
}

function pickValue(values: readonly string[], wanted: string | undefined): string {
  if (wanted !== undefined) {
    const hit = values.find((v) => v.toLowerCase() === wanted.toLowerCase());
    if (hit) return hit;
  }
  return values[0] ?? '';
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface SkeletonOptions {
  /** ISO date put in place of date placeholders. */
  readonly today: string;
  /** Insert only the heading line. */
  readonly headingOnly?: boolean;
  /** Subsections to leave out, for instance those the document already has elsewhere. */
  readonly omit?: (section: SchemaSection) => boolean;
  /** Leave placeholders as the template writes them (for snippets, which turn them into tab stops). */
  readonly keepPlaceholders?: boolean;
}

/**
 * The text that inserts `section` into a document: its heading and, unless `headingOnly`,
 * everything the template puts under it. Placeholders are resolved so that the inserted
 * text raises no new warning: dates become `today`, enumerations their first value, and a
 * line holding nothing but another placeholder is left out. Ends with a newline.
 */
export function sectionSkeleton(schema: Schema, section: SchemaSection, options: SkeletonOptions): string {
  const all = section.skeleton.split('\n');
  let lines = options.headingOnly ? all.slice(0, 1) : all;
  if (!options.headingOnly && options.omit) {
    const keep = new Array<boolean>(all.length).fill(true);
    const drop = (id: string): void => {
      const child = schema.byId.get(id);
      if (!child) return;
      if (options.omit?.(child)) {
        // Found by its heading line: annotation lines were dropped, so template line numbers don't apply.
        const childLines = child.skeleton.split('\n');
        const start = all.indexOf(childLines[0], 1);
        if (start > 0) {
          let end = Math.min(all.length, start + childLines.length);
          while (end < all.length && all[end].trim() === '') end++;
          keep.fill(false, start, end);
        }
      } else {
        child.childIds.forEach(drop);
      }
    };
    section.childIds.forEach(drop);
    lines = trimTrailingBlank(all.filter((_l, i) => keep[i]));
  }
  if (options.keepPlaceholders) return lines.join('\n') + '\n';
  const out: string[] = [];
  for (const line of lines) {
    let text = line;
    let onlyPlaceholder = false;
    for (const p of schema.placeholders) {
      if (!text.includes(p.text)) continue;
      if (text.trim() === p.text && p.kind === 'text') onlyPlaceholder = true;
      if (p.kind === 'date') text = text.split(p.text).join(options.today);
      else if (p.kind === 'enum') text = text.split(p.text).join(p.values?.[0] ?? '');
    }
    if (!onlyPlaceholder) out.push(text);
  }
  return out.join('\n') + '\n';
}

function trimTrailingBlank(lines: string[]): string[] {
  let end = lines.length;
  while (end > 1 && lines[end - 1].trim() === '') end--;
  return lines.slice(0, end);
}
