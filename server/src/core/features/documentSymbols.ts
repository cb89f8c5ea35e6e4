/**
 * The document outline as LSP `documentSymbol`s: sections nest by heading level, and each
 * section's entries (components, entities, endpoints, decisions) are its children. Details
 * give a template section's state as the view shows it (`done`, `2 placeholders left`) and
 * what is missing beneath it. VS Code has heading symbols of its own, so its client asks for
 * none (see the server's `documentSymbols` initialization option); other editors get these.
 */
import { SymbolKind, type Diagnostic, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { describeState, sectionStates, type HeadingStatus } from '../sectionState.ts';
import type { Analysis, DocEntry } from '../types.ts';
import { entryKindOf, missingFields, missingPerParent, plural, sectionOf } from './shared.ts';

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

function sectionDetail(analysis: Analysis, heading: number, status: HeadingStatus, missing: Map<string, number>): string {
  const parts: string[] = [];
  const section = sectionOf(analysis, heading);
  const title = analysis.model.headings[heading].level === 1;
  if (section && !title) parts.push(describeState(status));
  const missingCount = missing.get(title ? '' : (section?.id ?? '\0')) ?? 0;
  if (missingCount > 0) parts.push(`missing ${plural(missingCount, 'section')}`);
  if (analysis.outOfOrder.has(heading)) parts.push('out of order');
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

/** The symbols of an analysed document; `diagnostics` are its current diagnostics, which decide the `problems` state. */
export function documentSymbols(analysis: Analysis, diagnostics: readonly Diagnostic[]): DocumentSymbol[] {
  const { model } = analysis;
  const states = sectionStates(analysis, diagnostics).headings;
  const missing = missingPerParent(analysis);
  const symbols: DocumentSymbol[] = model.headings.map((h, i) => ({
    name: h.text || '(untitled)',
    detail: sectionDetail(analysis, i, states[i], missing),
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
