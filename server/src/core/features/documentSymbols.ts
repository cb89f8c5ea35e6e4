/**
 * The document outline as LSP `documentSymbol`s: sections nest by heading level, and each
 * section's entries (components, entities, endpoints, decisions) are its children. Details
 * say what is left to do: `2 placeholders`, `missing 1 section`.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { isSectionEmpty } from '../analysis/sections.ts';
import type { Analysis, DocEntry } from '../types.ts';
import {
  entryKindOf,
  missingFields,
  missingPerParent,
  placeholdersPerHeading,
  plural,
  sectionOf,
} from './shared.ts';

const ENTRY_KINDS: Record<string, SymbolKind> = {
  component: SymbolKind.Class,
  entity: SymbolKind.Struct,
  endpoint: SymbolKind.Method,
  decision: SymbolKind.Event,
  service: SymbolKind.Module,
  job: SymbolKind.Function,
  pattern: SymbolKind.Interface,
};

function sectionRange(analysis: Analysis, heading: number): Range {
  const { model } = analysis;
  const h = model.headings[heading];
  const last = Math.max(h.range.end.line, h.endLine - 1);
  return { start: h.range.start, end: { line: last, character: model.lines[last]?.length ?? 0 } };
}

function sectionDetail(analysis: Analysis, heading: number, placeholders: number, missing: Map<string, number>): string {
  const parts: string[] = [];
  const section = sectionOf(analysis, heading);
  const missingCount = missing.get(analysis.model.headings[heading].level === 1 ? '' : (section?.id ?? '\0')) ?? 0;
  if (placeholders > 0) parts.push(plural(placeholders, 'placeholder'));
  if (missingCount > 0) parts.push(`missing ${plural(missingCount, 'section')}`);
  if (analysis.outOfOrder.has(heading)) parts.push('out of order');
  if (section && !section.optional && isSectionEmpty(analysis, heading)) parts.push('empty');
  return parts.join(', ');
}

function entrySymbol(analysis: Analysis, entry: DocEntry): DocumentSymbol {
  const kind = entryKindOf(analysis, entry);
  const missing = kind ? missingFields(kind, entry).filter((f) => f.required).length : 0;
  const label = kind?.label ?? 'Entry';
  const last = Math.max(entry.line, entry.endLine - 1);
  return {
    name: entry.title || label,
    detail: missing > 0 ? `${label}, missing ${plural(missing, 'field')}` : label,
    kind: ENTRY_KINDS[label.toLowerCase().split(' ').pop() ?? ''] ?? SymbolKind.Object,
    range: { start: entry.range.start, end: { line: last, character: analysis.model.lines[last]?.length ?? 0 } },
    selectionRange: entry.titleRange,
  };
}

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { model } = analysis;
  const placeholders = placeholdersPerHeading(analysis);
  const missing = missingPerParent(analysis);
  const symbols: DocumentSymbol[] = model.headings.map((h, i) => ({
    name: h.text || '(untitled)',
    detail: sectionDetail(analysis, i, placeholders[i], missing),
    kind: h.level === 1 ? SymbolKind.Namespace : SymbolKind.Module,
    range: sectionRange(analysis, i),
    selectionRange: h.textRange,
    children: [],
  }));
  const roots: DocumentSymbol[] = [];
  // Children are added in line order: entries of a heading come before its later subsections.
  const items = [
    ...model.headings.map((h, i) => ({ line: h.line, parent: h.parent, symbol: symbols[i] })),
    ...model.entries.map((e) => ({ line: e.line, parent: e.heading, symbol: entrySymbol(analysis, e) })),
  ].sort((a, b) => a.line - b.line);
  for (const item of items) (item.parent >= 0 ? (symbols[item.parent].children as DocumentSymbol[]) : roots).push(item.symbol);
  return roots;
}
