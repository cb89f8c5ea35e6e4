/**
 * Repeatable entries in a template: a bold title line naming an example (`**Component Name**`,
 * `**GET /api/resource**`, `**[Date] - Decision Title**`, `**Service Name** (e.g., …)`)
 * followed by a list of fields. A bold line that names no example (`**Unit Tests**`) is a label,
 * part of the structure. Fields with bold labels (`- **Context**: …`) are required.
 */
import type { DocModel, EntryKindSpec } from '../types.ts';
import type { Annotations } from './annotations.ts';

const HTTP_TITLE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\//;
const DATED_TITLE = /^(\[[^\]]*\bdate\b[^\]]*\]|YYYY-MM-DD)/i;

export interface EntryKindWithLine extends EntryKindSpec {
  readonly titleLine: number;
}

/** Whether a template's bold title names an example rather than labelling structure. */
export function isExampleTitle(title: string, rest: string): boolean {
  return (
    /\b(name|title)\b/i.test(title) ||
    title.includes('[') ||
    DATED_TITLE.test(title) ||
    HTTP_TITLE.test(title) ||
    /^\s*\(e\.g\./i.test(rest)
  );
}

export function entryKinds(model: DocModel, heading: number, sectionId: string, notes: Annotations): EntryKindWithLine[] {
  const kinds: EntryKindWithLine[] = [];
  for (const e of model.entries) {
    if (e.heading !== heading) continue;
    const raw = model.lines[e.line];
    const rest = raw.slice(e.titleRange.end.character + 2);
    if (!notes.repeatable.has(e.line) && !isExampleTitle(e.title, rest)) continue;
    const explicit = notes.requiredFields.get(e.line);
    const fields = e.fields.map((f) => {
      const line = model.lines[f.line];
      const bold = /^\s*(?:[-*+]|\d+[.)])\s+(\*\*|__)/.test(line);
      return {
        name: f.name,
        required: explicit ? explicit.includes(f.name.toLowerCase()) : bold,
        guidance: f.value,
        line: line.trim(),
      };
    });
    const last = e.fields.length ? e.fields[e.fields.length - 1].line : lastContentLine(model, e.line, e.endLine);
    kinds.push({
      title: e.title,
      label: kindLabel(e.title),
      sectionId,
      fields,
      datedTitle: DATED_TITLE.test(e.title),
      skeleton: model.lines.slice(e.line, last + 1).join('\n'),
      titleLine: e.line,
    });
  }
  return kinds;
}

function lastContentLine(model: DocModel, from: number, to: number): number {
  let last = from;
  for (let l = from; l < to; l++) if (model.lines[l].trim() !== '') last = l;
  return last;
}

/** A short noun for a kind: `Component Name` → `Component`, `[Date] - Decision Title` → `Decision`. */
export function kindLabel(title: string): string {
  if (HTTP_TITLE.test(title)) return 'Endpoint';
  const words = title
    .replace(/\[[^[\]]*\]|YYYY-MM-DD/g, ' ')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\b(name|title)\b/gi, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words.length ? words.join(' ') : 'Entry';
}
