/**
 * Annotations a team can write in its own template where the seed's conventions can't say
 * enough. Each is an HTML comment on a line of its own, so it never shows when rendered:
 *
 * - `<!-- archdoc: optional -->` in a section's body: the section may be left out.
 * - `<!-- archdoc: required -->` in a section's body: required even if it reads `(If applicable)`.
 * - `<!-- archdoc: repeatable -->` on the line before a bold title: that block is an entry.
 * - `<!-- archdoc: required-fields Owner, SLA -->` on the line before a bold title: an entry
 *   whose fields with these labels are required (instead of the default: bold labels are).
 * - `<!-- archdoc: aliases Design Decisions, Architecture Decisions -->` in a section's body:
 *   other names a document may give the section; a heading with one of them is that section.
 */
import type { DocModel } from '../types.ts';

export interface Annotations {
  /** Template lines that hold an annotation; they are left out of skeletons and guidance. */
  readonly lines: ReadonlySet<number>;
  /** Indexes of the headings whose sections are marked optional, or required. */
  readonly optional: ReadonlySet<number>;
  readonly required: ReadonlySet<number>;
  /** Lines of bold titles marked repeatable. */
  readonly repeatable: ReadonlySet<number>;
  /** Required field labels (lower case) by the line of the entry title they precede. */
  readonly requiredFields: ReadonlyMap<number, readonly string[]>;
  /** Other names of a section, as written, by the index of its heading. */
  readonly aliases: ReadonlyMap<number, readonly string[]>;
}

const ANNOTATION_OPEN = /^\s*<!--\s*archdoc:\s*/;

/** `<!-- archdoc: name args -->` alone on its line, read without a regular expression over the arguments. */
function readAnnotation(text: string): { name: string; args: string } | undefined {
  const open = ANNOTATION_OPEN.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length).trimEnd();
  if (!rest.endsWith('-->')) return undefined;
  const body = rest.slice(0, -3);
  const name = /^[a-z-]+/.exec(body)?.[0];
  return name ? { name, args: body.slice(name.length).trim() } : undefined;
}

export function readAnnotations(model: DocModel): Annotations {
  const lines = new Set<number>();
  const optional = new Set<number>();
  const required = new Set<number>();
  const repeatable = new Set<number>();
  const requiredFields = new Map<number, string[]>();
  const aliases = new Map<number, string[]>();
  let h = -1;
  model.lines.forEach((text, line) => {
    while (h + 1 < model.headings.length && model.headings[h + 1].line <= line) h++;
    if (model.fenceContent[line] || !text.includes('archdoc:')) return;
    const m = readAnnotation(text);
    if (!m) return;
    lines.add(line);
    const next = nextNonBlank(model.lines, line + 1);
    switch (m.name) {
      case 'optional':
        optional.add(h);
        break;
      case 'required':
        required.add(h);
        break;
      case 'repeatable':
        repeatable.add(next);
        break;
      case 'required-fields':
        requiredFields.set(next, splitList(m.args).map((f) => f.toLowerCase()));
        repeatable.add(next);
        break;
      case 'aliases':
        aliases.set(h, [...(aliases.get(h) ?? []), ...splitList(m.args)]);
        break;
    }
  });
  return { lines, optional, required, repeatable, requiredFields, aliases };
}

function nextNonBlank(lines: readonly string[], from: number): number {
  let l = from;
  while (l < lines.length && lines[l].trim() === '') l++;
  return l;
}

function splitList(text: string): string[] {
  return text.split(',').map((f) => f.trim()).filter(Boolean);
}
