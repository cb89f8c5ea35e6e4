/**
 * Hover: on a heading, the template's guidance for its section and the section's state; on a
 * placeholder, what belongs there; on a typed field's value, the values it allows; on an
 * entry's title, the fields its kind has and those it lacks.
 */
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { isSectionEmpty } from '../analysis/sections.ts';
import type { Analysis, SchemaSection } from '../types.ts';
import {
  entryKindOf,
  headingAt,
  missingFields,
  missingPerParent,
  placeholdersPerHeading,
  plural,
  sectionOf,
} from './shared.ts';

export interface HoverOptions {
  readonly today: string;
}

function contains(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  return !(position.line === end.line && position.character > end.character);
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function headingHover(analysis: Analysis, heading: number): Hover {
  const { model } = analysis;
  const h = model.headings[heading];
  const match = analysis.matches[heading];
  if (h.level === 1 && !match) return markdown('**Document title.** Any single level-1 heading names the document.', h.range);
  if (!match) return markdown(`**${h.text}** is not a section of the template. Sections you add are fine.`, h.range);
  const section = match.section;
  const lines = [`**${section.title}**${section.optional ? ' (optional)' : ''}: template section`];
  if (match.kind === 'typo') lines.push(`The template spells this heading \`${section.title}\`.`);
  if (match.kind === 'level') lines.push(`The template puts this section at level ${section.level}.`);
  lines.push(stateLine(analysis, heading, section));
  if (section.guidance) lines.push(quote(section.guidance));
  return markdown(lines.join('\n\n'), h.range);
}

function stateLine(analysis: Analysis, heading: number, section: SchemaSection): string {
  const placeholders = placeholdersPerHeading(analysis)[heading];
  const missing = missingPerParent(analysis).get(section.id) ?? 0;
  const parts: string[] = [];
  if (analysis.outOfOrder.has(heading)) parts.push('out of template order');
  if (isSectionEmpty(analysis, heading)) parts.push('empty');
  if (placeholders > 0) parts.push(plural(placeholders, 'placeholder') + ' left');
  if (missing > 0) parts.push(`missing ${plural(missing, 'subsection')}`);
  return `State: ${parts.length ? parts.join(', ') : 'complete'}.`;
}

function placeholderHover(analysis: Analysis, position: Position, options: HoverOptions): Hover | null {
  const found = analysis.placeholders.find((p) => contains(p.range, position));
  if (!found) return null;
  const spec = analysis.schema.placeholders.find((p) => p.text === found.text);
  const kind = spec?.kind ?? found.kind;
  const values = spec?.values ?? found.values;
  let text: string;
  if (kind === 'enum' && values?.length) text = `Placeholder: one of ${values.map((v) => `\`${v}\``).join(', ')}.`;
  else if (kind === 'date') text = `Placeholder: an ISO date (YYYY-MM-DD), such as today, \`${options.today}\`.`;
  else text = `Placeholder: replace \`${found.text}\` with ${found.text.replace(/^\[|\]$/g, '').toLowerCase()}.`;
  const section = sectionOf(analysis, headingAt(analysis.model, position.line));
  if (section?.guidance && kind === 'text') text += `\n\n${quote(section.guidance)}`;
  return markdown(text, found.range);
}

function fieldHover(analysis: Analysis, position: Position): Hover | null {
  const line = analysis.model.fieldLines.find((f) => f.line === position.line && contains(f.valueRange, position));
  if (!line) return null;
  const field = analysis.schema.typedFields.find((f) => f.label.toLowerCase() === line.label.toLowerCase());
  if (!field) return null;
  const allowed =
    field.kind === 'date'
      ? 'an ISO date (YYYY-MM-DD)'
      : `one of ${(field.values ?? []).map((v) => `\`${v}\``).join(', ')}`;
  return markdown(`**${field.label}**: ${allowed}.`, line.valueRange);
}

function entryHover(analysis: Analysis, position: Position): Hover | null {
  const entry = analysis.model.entries.find((e) => e.line === position.line && contains(e.range, position));
  const kind = entry && entryKindOf(analysis, entry);
  if (!entry || !kind) return null;
  const fields = kind.fields.map((f) => `\`${f.name}\`${f.required ? '' : ' (optional)'}`).join(', ');
  const missing = missingFields(kind, entry).filter((f) => f.required);
  const lines = [`**${kind.label}** entry. Fields: ${fields || 'none'}.`];
  if (missing.length) lines.push(`Missing: ${missing.map((f) => `\`${f.name}\``).join(', ')}.`);
  return markdown(lines.join('\n\n'), entry.range);
}

export function hover(analysis: Analysis, position: Position, options: HoverOptions): Hover | null {
  const { model } = analysis;
  const placeholder = placeholderHover(analysis, position, options);
  if (placeholder) return placeholder;
  const heading = headingAt(model, position.line);
  if (heading >= 0 && model.headings[heading].line === position.line) return headingHover(analysis, heading);
  return fieldHover(analysis, position) ?? entryHover(analysis, position);
}
