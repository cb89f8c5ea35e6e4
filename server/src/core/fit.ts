/**
 * Severity follows confidence. A document picked only by its name (`ARCHITECTURE.md`) may be
 * written from this template, adapted from it, or another kind of architecture document
 * altogether; what is certain about the first is a guess about the others:
 *
 * - it follows the template closely: every finding at its configured severity;
 * - it clearly adapts it (many sections of its own, several renamed, or few of the template's):
 *   missing top-level sections are information, since leaving one out is likely a choice; how
 *   it orders, nests and subdivides its sections is its own; content findings keep their severity;
 * - it doesn't follow the template at all (a Bird's Eye View / Code Map document): one notice,
 *   offering to opt in or out, and nothing else.
 *
 * A document that opted in (front matter, `<!-- archdoc -->`, a settings glob) is checked fully.
 * This module is the one place that decides; `check.ts` applies it.
 */
import type { Analysis, MissingSectionEntry, CheckSettings, DiagnosticCode, DiagnosticData, DocModel, DocumentFit, Schema, SectionMatch } from './types.ts';
import { lineRange, normalizeLine } from './text.ts';
import type { Finding } from './rules/index.ts';

export type Policy = 'full' | 'adapted' | 'unrelated';

/**
 * What becomes of a finding in an adapted document, where the structure is the author's choice:
 * a missing top-level section is said at information; how the author orders, nests and divides
 * the sections they kept (order, heading levels, subsections the template would put there) is
 * not reported. Other findings keep their severity.
 */
export function adaptedTreatment(a: Analysis, code: DiagnosticCode, data: DiagnosticData): 'keep' | 'information' | 'drop' {
  switch (code) {
    case 'section-order':
    case 'heading-level':
      return 'drop';
    case 'duplicate-section':
      return 'information';
    case 'missing-section': {
      const parent = data.code === 'missing-section' ? a.schema.byId.get(data.sectionId)?.parentId : undefined;
      return parent === '' || parent === undefined ? 'information' : 'drop';
    }
    default:
      return 'keep';
  }
}

export function documentFit(
  model: DocModel,
  schema: Schema,
  matches: ReadonlyArray<SectionMatch | undefined>,
  duplicates: ReadonlySet<number>,
  title: number,
): DocumentFit {
  const top = schema.sections.filter((s) => s.parentId === '');
  const templateTop = top.filter((s) => !s.optional).length;
  const topIds = new Set(top.map((s) => s.id));
  const topMatches = matches.filter((m, i): m is SectionMatch => m !== undefined && !duplicates.has(i) && topIds.has(m.section.id));
  const matchedTop = new Set(topMatches.map((m) => m.section.id)).size;
  const renamedTop = topMatches.filter((m) => m.kind !== 'exact').length;
  // The document's own top level: the shallowest headings below the title.
  // A loop, not Math.min(...levels): a spread of 200,000 headings overflows the stack.
  let topLevel = Infinity;
  model.headings.forEach((h, i) => {
    if (i !== title && h.level < topLevel) topLevel = h.level;
  });
  if (topLevel === Infinity) topLevel = 2;
  const customTop = model.headings.filter((h, i) => i !== title && h.level === topLevel && !matches[i]).length;
  // The template's own lines left in, and its opening sentence filled in ("Technical design
  // documentation for Orbit."): either says the document was written from this template.
  const opening = openingPattern(schema);
  let templateLines = 0;
  model.lines.forEach((raw, line) => {
    if (!model.proseLines[line] || model.codeLines[line] || raw.trim() === '') return;
    if (schema.templateLines.has(normalizeLine(raw, model.tableLines[line] === 1)) || opening?.test(raw.trim())) templateLines++;
  });
  // A document with no sections of its own yet (a new one) is not judged adapted or unrelated:
  // what it lacks is what it has still to write.
  const unrelated = customTop >= 3 && matchedTop < 3 && matchedTop * 4 < templateTop && templateLines === 0;
  const adapted = !unrelated && (customTop >= 3 || renamedTop >= 3 || (customTop >= 1 && (customTop > matchedTop || matchedTop * 2 <= templateTop)));
  return { templateTop, matchedTop, customTop, renamedTop, templateLines, adapted, unrelated };
}

/**
 * The first sentence of the title section's guidance, split at its placeholders: a line matches
 * when it holds those pieces in order with some text for each placeholder ("Technical design
 * documentation for Orbit." for "… for [Project Name]."). Read by hand, in linear time.
 */
function openingPattern(schema: Schema): { test(line: string): boolean } | undefined {
  const first = schema.root.guidance.split('\n').find((l) => l.trim() !== '')?.trim().toLowerCase();
  if (!first) return undefined;
  const parts: string[] = [];
  let rest = first;
  for (let open = rest.indexOf('['); open >= 0; open = rest.indexOf('[')) {
    const close = rest.indexOf(']', open);
    if (close < 0) break;
    parts.push(rest.slice(0, open));
    rest = rest.slice(close + 1);
  }
  if (parts.length === 0) return undefined;
  parts.push(rest);
  return {
    test(line: string): boolean {
      const text = line.toLowerCase();
      if (!text.startsWith(parts[0]) || !text.endsWith(parts[parts.length - 1])) return false;
      let at = parts[0].length;
      for (let k = 1; k < parts.length - 1; k++) {
        const found = text.indexOf(parts[k], at + 1);
        if (found < 0) return false;
        at = found + parts[k].length;
      }
      return text.length - parts[parts.length - 1].length > at;
    },
  };
}

/** How a document is checked, from its fit and how it was selected. */
export function policyFor(fit: DocumentFit, settings: CheckSettings): Policy {
  if (settings.selectedBy !== 'name') return 'full';
  if (fit.unrelated) return 'unrelated';
  return fit.adapted ? 'adapted' : 'full';
}

/**
 * The one notice a document gets when it doesn't follow the template at all: it names the
 * template's top-level sections and says how to opt in or out.
 */
export function unrelatedNotice(a: Analysis): Finding {
  // It names no missing sections: the document is not checked against the template, so nothing
  // is claimed to be missing from it.
  const first = { sectionId: '', title: a.schema.root.title, level: 1, insertAt: { line: 0, character: 0 }, after: '', adopts: false };
  const sections: MissingSectionEntry[] = [];
  // On the title, where the template's own title would be; on the first line without one.
  const title = a.present.get('');
  return {
    range: lineRange(a.model.lines, title === undefined ? 0 : a.model.headings[title].line),
    message:
      `This document doesn't follow the architecture template (${a.fit.matchedTop} of ${a.fit.templateTop} sections found), so it is not checked against it. ` +
      'Add <!-- archdoc --> to check it fully, or <!-- archdoc: false --> to leave it alone (a quick fix writes either).',
    data: { code: 'missing-section', ...first, sections, unrelated: true },
    severity: 'information',
  };
}

