/**
 * Fixes for missing sections. One diagnostic per parent names every section missing there
 * (`data.sections`); for each it offers to insert the section with its skeleton, to declare a
 * heading the document has as that section ("`## Design Decisions` is this document's
 * Decision Log", for headings whose words come close), or to declare it not applicable. The
 * two declarations write the markers the engine reads (`parse/sectionMarkers.ts`). When more
 * than one section is missing in the document, "Insert all N missing sections" comes first.
 */
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../analyze.ts';
import { checkDocument } from '../../check.ts';
import { parseDocument } from '../../parse/document.ts';
import { applyEdits } from '../edits.ts';
import { sectionMarker } from '../../parse/sectionMarkers.ts';
import { sectionSkeleton } from '../../template/render.ts';
import { headingKey } from '../../text.ts';
import type { Analysis, MissingSectionEntry, SchemaSection } from '../../types.ts';
import { insertLines } from '../shared.ts';
import { templateChoiceFixes } from './choiceFixes.ts';
import { dataOf, type Fix, type FixContext } from './fix.ts';
import { oneLine } from './headingEdits.ts';
import { aboveSuppression, emptiesSection, insideRawText, sectionBoundary } from './placement.ts';
import { appendTo } from '../../multimap.ts';

function headingLabel(section: SchemaSection): string {
  return section.id === '' ? section.title : `${'#'.repeat(section.level)} ${section.title}`;
}

/** The section's skeleton without the subsections the document already has elsewhere. */
export function skeleton(context: FixContext, section: SchemaSection): string {
  const { present } = context.analysis;
  return sectionSkeleton(context.analysis.schema, section, { today: context.today, omit: (s) => present.has(s.id) });
}

/** The text that inserts a section: the title line, or the skeleton without what the document already has. */
function insertionText(context: FixContext, section: SchemaSection): string {
  return section.id === '' ? section.skeleton.split('\n')[0] + '\n' : skeleton(context, section);
}

/**
 * The line a section goes at: where the diagnostic says, moved past any section's text it would
 * cut in two; undefined where it would not be a heading (an open fence, an unclosed `<!--`). A
 * heading that takes in sections already present (`adopts`) goes exactly where it must.
 */
function insertionLine(context: FixContext, section: SchemaSection, entry: MissingSectionEntry): number | undefined {
  const { model } = context.analysis;
  if (section.id === '') return entry.insertAt.line;
  const at = entry.adopts ? (emptiesSection(context.analysis, entry.insertAt.line, section.level) ? undefined : entry.insertAt.line) : sectionBoundary(model, entry.insertAt.line, section.level);
  if (at === undefined || insideRawText(model, at)) return undefined;
  // Above a suppression comment that is all a section holds, the heading would leave it empty.
  const line = aboveSuppression(model, at);
  return line !== at && emptiesSection(context.analysis, line, section.level) ? undefined : line;
}

/**
 * Whether a subsection of `section` stands in the document at another level. The inserted
 * section leaves it out (the document has it), yet that heading would not nest under the
 * inserted one: it would be reported out of order, or taken for another section. Fixing its
 * level first is the way; the insertion is not offered until then.
 */
function hasStrayDescendant(a: Analysis, section: SchemaSection): boolean {
  for (const [id, h] of a.present) if (id.startsWith(section.id + '/') && a.matches[h]?.kind === 'level') return true;
  return false;
}

/** The section of each entry the template knows, with the line it can go at (none where it can't go). */
function placed(context: FixContext, entries: readonly MissingSectionEntry[]): Array<{ entry: MissingSectionEntry; section: SchemaSection; line: number | undefined }> {
  const out = [];
  for (const entry of entries) {
    const section = context.analysis.schema.byId.get(entry.sectionId);
    if (!section) continue;
    const line = section.id !== '' && hasStrayDescendant(context.analysis, section) ? undefined : insertionLine(context, section, entry);
    out.push({ entry, section, line });
  }
  return out;
}

/**
 * Sections offered one by one, each with its insert and not-applicable fixes. Every fix carries
 * the diagnostic, which lists every missing section, so offering all of a 500-section template's
 * would send 1,000 copies of a 500-entry list for one light bulb (3 s of encoding through the
 * server). Past these, "Insert all" inserts the rest.
 */
export const MAX_SECTION_FIXES = 20;

export function missingSectionFixes(context: FixContext, diagnostic: Diagnostic): Fix[] {
  const data = dataOf(diagnostic, 'missing-section');
  if (data?.unrelated) return templateChoiceFixes(context, diagnostic);
  if (!data) return [];
  const all = insertAllFix(context);
  const fixes: Fix[] = all ? [all] : [];
  const sections = placed(context, (data.sections ?? [data]).slice(0, MAX_SECTION_FIXES));
  const { model } = context.analysis;
  for (const { section, line } of sections) {
    if (line === undefined) continue;
    const edits = [insertLines(model, line, insertionText(context, section), true)];
    fixes.push({ kind: 'insert-section', title: `Insert section "${headingLabel(section)}"`, edits, diagnostics: [diagnostic], preferred: all === undefined && sections.length === 1 });
  }
  for (const { section, line } of sections) if (section.id !== '') fixes.push(...declarations(context, diagnostic, section, line));
  return fixes;
}

/**
 * Headings of the document that may be its version of `section`, best first, at most two:
 * headings no template section claims, at the section's level, between the siblings the
 * template puts before and after it (so that, declared, it stands in order), whose words come
 * close to the section's title or aliases.
 */
function candidates(a: Analysis, section: SchemaSection): number[] {
  const { from, to } = siblingGap(a, section);
  const stems = new Set([section.key, ...section.aliases].flatMap((name) => stemsOf(name)));
  const scored: Array<{ heading: number; score: number }> = [];
  for (let i = 0; i < a.model.headings.length; i++) {
    const h = a.model.headings[i];
    if (a.matches[i] || h.level !== section.level || h.line <= from || h.line >= to || holdsOtherSections(a, i, section)) continue;
    const score = stemsOf(headingKey(h.text)).filter((s) => stems.has(s)).length;
    if (score > 0) scored.push({ heading: i, score });
  }
  return scored.sort((x, y) => y.score - x.score || x.heading - y.heading).slice(0, 2).map((c) => c.heading);
}

/**
 * Whether a subsection of heading `i` names a template section outside `section`. Under a
 * heading no template section claims, such a subsection is the author's own; declared as
 * `section`, the heading would make it read as that other section, at the wrong level.
 */
function holdsOtherSections(a: Analysis, i: number, section: SchemaSection): boolean {
  const { headings } = a.model;
  // A template section directly under it (levels as the template counts them) is where the
  // author wants it while the heading is their own; declared, it would be under the wrong parent.
  for (let j = i + 1; j < headings.length && a.parents[j] >= i; j++) {
    if (a.parents[j] === i && a.matches[j] && !a.duplicates.has(j) && a.matches[j]?.section.parentId !== section.id) return true;
  }
  for (let j = i + 1; j < headings.length && headings[j].line < headings[i].endLine; j++) {
    const key = headingKey(headings[j].text);
    if (a.schema.sections.some((s) => (s.key === key || s.aliases.includes(key)) && !s.id.startsWith(section.id + '/'))) return true;
  }
  return false;
}

/** The lines between the nearest present siblings before and after `section`, within its parent's section. */
function siblingGap(a: Analysis, section: SchemaSection): { from: number; to: number } {
  const parentId = section.parentId ?? '';
  const parent = a.present.get(parentId);
  let from = parent === undefined ? -1 : a.model.headings[parent].line;
  let to = parent === undefined ? a.model.lines.length : a.ends[parent];
  const siblings = (parentId === '' ? a.schema.root : a.schema.byId.get(parentId))?.childIds ?? [];
  const own = siblings.indexOf(section.id);
  siblings.forEach((id, k) => {
    const h = a.present.get(id);
    if (h === undefined || a.outOfOrder.has(h)) return;
    const line = a.model.headings[h].line;
    if (k < own) from = Math.max(from, a.ends[h] - 1);
    else if (k > own) to = Math.min(to, line);
  });
  return { from, to };
}

/** Word stems of a matching key: its words of three letters or more, cut to five, so that `decisions` meets `decision`. */
function stemsOf(key: string): string[] {
  return key.split(' ').filter((w) => w.length >= 3).map((w) => w.slice(0, 5));
}

function declarations(context: FixContext, diagnostic: Diagnostic, section: SchemaSection, line: number | undefined): Fix[] {
  const { model } = context.analysis;
  const fixes: Fix[] = [];
  for (const i of candidates(context.analysis, section)) {
    const h = model.headings[i];
    const written = `${'#'.repeat(h.level)} ${oneLine(h.text)}`;
    const edit = insertLines(model, h.range.end.line + 1, sectionMarker('section', section.title) + '\n');
    if (!declarationAddsNothing(context, section, edit)) continue;
    fixes.push({ kind: 'mark-section', title: `"${written}" is this document's ${section.title}`, edits: [edit], diagnostics: [diagnostic] });
  }
  // The marker counts anywhere; it goes where the section would, so that a reader finds it there.
  const at = line ?? model.lines.length;
  if (!insideRawText(model, at)) {
    const edit = insertLines(model, at, sectionMarker('not-applicable', section.title) + '\n', true);
    fixes.push({ kind: 'mark-not-applicable', title: `"${headingLabel(section)}" is not applicable to this project`, edits: [edit], diagnostics: [diagnostic] });
  }
  return fixes;
}

/** Declarations verified per request: each costs a check of the whole document, so a request is bounded. */
const MAX_DECLARATION_CHECKS = 4;

interface DeclarationBudget {
  readonly before: Map<string, number>;
  left: number;
}

/** The warnings and errors a full check finds, by code, and the checks still allowed, once per request (its list of diagnostics). */
const declarationBudgets = new WeakMap<FixContext['all'], DeclarationBudget>();

function tally(list: readonly Diagnostic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of list) {
    if ((d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning) && d.code !== 'missing-section') out.set(String(d.code), (out.get(String(d.code)) ?? 0) + 1);
  }
  return out;
}

/**
 * Whether declaring a heading to be `section` adds no warning or error: checked as that
 * section, what the heading holds may be read as its entries, which then lack their fields.
 * Both sides are checked fully, as a document that follows the template is, whatever policy the
 * diagnostics were computed with. The subsections the declared section lacks are the
 * declaration's next step, not new problems. Candidates are rare (a heading no section claims,
 * whose words come close), and each costs a check; past `MAX_DECLARATION_CHECKS` in one
 * request a declaration that cannot be verified is not offered.
 */
function declarationAddsNothing(context: FixContext, section: SchemaSection, edit: TextEdit): boolean {
  const { analysis } = context;
  let budget = declarationBudgets.get(context.all);
  if (budget === undefined) {
    budget = { before: tally(checkDocument(analysis, { severity: context.severity })), left: MAX_DECLARATION_CHECKS };
    declarationBudgets.set(context.all, budget);
  }
  if (budget.left <= 0) return false;
  budget.left--;
  const edited = analyze(parseDocument(applyEdits(analysis.model.text, [edit])), analysis.schema);
  for (const [code, n] of tally(checkDocument(edited, { severity: context.severity }))) if (n > (budget.before.get(code) ?? 0)) return false;
  return edited.present.has(section.id);
}

/**
 * Insert-all, computed once per list of diagnostics: every missing section's light bulb offers
 * it, and a template of 500 sections would otherwise build it 500 times for one request.
 */
const insertAllFixes = new WeakMap<FixContext['all'], Fix | null>();

function insertAllFix(context: FixContext): Fix | undefined {
  const known = insertAllFixes.get(context.all);
  if (known !== undefined) return known ?? undefined;
  const inserts: Array<{ section: SchemaSection; line: number }> = [];
  const covered: Diagnostic[] = [];
  for (const d of context.all) {
    const data = dataOf(d, 'missing-section');
    if (!data || data.unrelated) continue;
    // A section that would take in a subsection from elsewhere moves the sections around it:
    // it is offered on its own, and left out of the fix that inserts the others together.
    const usable = placed(context, (data.sections ?? [data]).filter((e) => !e.adopts)).filter((p) => p.line !== undefined);
    if (usable.length) covered.push(d);
    for (const p of usable) inserts.push({ section: p.section, line: p.line as number });
  }
  const fix: Fix | undefined =
    inserts.length > 1
      ? { kind: 'insert-all-sections', title: `Insert all ${inserts.length} missing sections`, edits: insertAll(context, inserts), diagnostics: covered, preferred: true }
      : undefined;
  insertAllFixes.set(context.all, fix ?? null);
  return fix;
}

/** One edit per insertion line, sections in template order, so that clients need not order inserts. */
function insertAll(context: FixContext, inserts: ReadonlyArray<{ section: SchemaSection; line: number }>): TextEdit[] {
  const byLine = new Map<number, SchemaSection[]>();
  for (const { section, line } of inserts) appendTo(byLine, line, section);
  return [...byLine].map(([line, sections]) => {
    const text = sections
      // The title first; then deeper sections: at a shared line they close the section above,
      // which a shallower heading inserted before them would take from it.
      .sort((a, b) => Number(b.id === '') - Number(a.id === '') || b.level - a.level || a.index - b.index)
      .map((s) => insertionText(context, s))
      .join('\n');
    return insertLines(context.analysis.model, line, text, true);
  });
}
