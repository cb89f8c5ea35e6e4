/**
 * The one definition of how far a section has come, shown identically by the hover, the
 * Architecture view, the document symbols and the status bar. It is computed once per
 * document version from the analysis and the diagnostics, so every face agrees.
 *
 * A section is, in order of precedence: `missing` (the template asks for it, the document
 * lacks it), `empty` (a heading with nothing under it), `guidance` (the template's guidance
 * or example text is still there), `placeholders` (a placeholder is still there), `problems`
 * (written, with findings of other rules, such as invalid dates), or `done`.
 *
 * A section is judged by its own text, up to its first subsection. A section whose own text
 * is blank but which has subsections takes the least advanced state of its subsections.
 *
 * A section the document declares not applicable (`<!-- archdoc: not-applicable X -->`, or a
 * body that says "Not applicable" or "N/A"), and what the template puts under it, is `done`
 * whether or not it has a heading: it is not missing, and every face says "not applicable".
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { templateTextLines } from './analysis/templateText.ts';
import type { Analysis, SchemaSection } from './types.ts';

export type SectionState = 'missing' | 'empty' | 'guidance' | 'placeholders' | 'problems' | 'done';

/** The states from least to most advanced; a container takes the first its subsections reach. */
export const SECTION_STATES: readonly SectionState[] = ['missing', 'empty', 'guidance', 'placeholders', 'problems', 'done'];

/** The state of one present heading's section, with the counts behind it. */
export interface HeadingStatus {
  readonly state: SectionState;
  /** Placeholders left in the section's own text. */
  readonly placeholders: number;
  /** Guidance lines of the template left in the section's own text. */
  readonly guidance: number;
  /** Findings of other rules (not placeholders, guidance, emptiness or missing sections) in its own text. */
  readonly problems: number;
  readonly outOfOrder: boolean;
  /** The document declares the section not applicable. */
  readonly notApplicable: boolean;
}

/** The state of every heading, and the document's totals. */
export interface SectionStates {
  /** Per heading, same index as `model.headings`. */
  readonly headings: readonly HeadingStatus[];
  /** The state of a template section: its heading's, or `missing`. */
  of(section: SchemaSection): SectionState;
  /** Required template sections (not the document title) that are written: `problems` or `done`. */
  readonly written: number;
  /** Required template sections, the document title left out. */
  readonly required: number;
}

/** Codes whose findings are states of their own rather than `problems`. */
const STATE_CODES = new Set(['placeholder', 'template-text', 'empty-section', 'missing-section']);

/** Whether a state counts as written: the author has replaced the template's text. */
export function isWritten(state: SectionState): boolean {
  return state === 'problems' || state === 'done';
}

function countPerOwnRange(analysis: Analysis, lines: Iterable<number>, ownEnds: readonly number[]): number[] {
  const { headings } = analysis.model;
  const counts = headings.map(() => 0);
  const sorted = [...lines].sort((a, b) => a - b);
  let h = -1;
  for (const line of sorted) {
    while (h + 1 < headings.length && headings[h + 1].line <= line) h++;
    if (h >= 0 && line < ownEnds[h]) counts[h]++;
  }
  return counts;
}

/**
 * Lines of a section's own text when all of them are the template's own body for it, as a
 * scaffold writes them: example code and diagrams included, which the guidance lines leave out.
 */
function copiedLines(analysis: Analysis, heading: number, ownEnd: number): number {
  const section = analysis.matches[heading]?.section;
  if (!section || section.id === '' || section.guidance === '') return 0;
  const template = new Set(section.guidance.split(/\r?\n/).map((line) => line.trim()));
  const { model } = analysis;
  let count = 0;
  for (let line = model.headings[heading].range.end.line + 1; line < ownEnd; line++) {
    const text = model.lines[line].trim();
    if (text === '') continue;
    if (!template.has(text)) return 0;
    count++;
  }
  return count;
}

function isBlankBody(analysis: Analysis, heading: number, ownEnd: number): boolean {
  const { model } = analysis;
  for (let line = model.headings[heading].range.end.line + 1; line < ownEnd; line++) {
    if (model.lines[line].trim() !== '') return false;
  }
  return true;
}

export function sectionStates(analysis: Analysis, diagnostics: readonly Diagnostic[]): SectionStates {
  const { model } = analysis;
  const { headings } = model;
  // A section's own text ends at the next heading inside it, else where the section ends.
  const ownEnds = headings.map((_, i) => (i + 1 < headings.length && headings[i + 1].line < analysis.ends[i] ? headings[i + 1].line : analysis.ends[i]));
  const placeholders = countPerOwnRange(analysis, analysis.placeholders.map((p) => p.range.start.line), ownEnds);
  const guidance = countPerOwnRange(analysis, templateTextLines(analysis).keys(), ownEnds);
  headings.forEach((_, i) => {
    const copied = copiedLines(analysis, i, ownEnds[i]);
    if (copied > guidance[i]) guidance[i] = copied;
  });
  const problemLines = diagnostics
    .filter((d) => d.severity !== DiagnosticSeverity.Hint && !STATE_CODES.has(String(d.code)))
    .map((d) => d.range.start.line);
  const problems = countPerOwnRange(analysis, problemLines, ownEnds);
  const children = headings.map((): number[] => []);
  analysis.parents.forEach((parent, i) => {
    if (parent >= 0) children[parent].push(i);
  });
  const states: SectionState[] = new Array<SectionState>(headings.length);
  // Subsections come after their parent, so walking backwards settles children first.
  for (let i = headings.length - 1; i >= 0; i--) {
    const blank = isBlankBody(analysis, i, ownEnds[i]);
    if (guidance[i] === 0 && placeholders[i] === 0 && isNotApplicable(analysis, i)) states[i] = 'done';
    else if (blank && children[i].length === 0) states[i] = 'empty';
    else if (guidance[i] > 0) states[i] = 'guidance';
    else if (placeholders[i] > 0) states[i] = 'placeholders';
    else if (blank) states[i] = leastAdvanced(children[i].map((c) => states[c]));
    else states[i] = problems[i] > 0 || analysis.outOfOrder.has(i) ? 'problems' : 'done';
    if (states[i] === 'done' && (problems[i] > 0 || analysis.outOfOrder.has(i))) states[i] = 'problems';
  }
  const statuses = headings.map((_, i) => ({
    state: states[i],
    placeholders: placeholders[i],
    guidance: guidance[i],
    problems: problems[i],
    outOfOrder: analysis.outOfOrder.has(i),
    notApplicable: isNotApplicable(analysis, i),
  }));
  const of = (section: SchemaSection): SectionState => {
    const heading = analysis.present.get(section.id);
    if (heading === undefined) return analysis.notApplicable.has(section.id) ? 'done' : 'missing';
    return states[heading];
  };
  const required = analysis.schema.sections.filter((s) => !s.optional && s.id !== '');
  return { headings: statuses, of, written: required.filter((s) => isWritten(of(s))).length, required: required.length };
}

/** Whether heading `i` stands for a section the document declares not applicable. */
function isNotApplicable(analysis: Analysis, i: number): boolean {
  const m = analysis.matches[i];
  return m !== undefined && !analysis.duplicates.has(i) && analysis.notApplicable.has(m.section.id);
}

function leastAdvanced(states: readonly SectionState[]): SectionState {
  let best = SECTION_STATES.length - 1;
  for (const state of states) best = Math.min(best, SECTION_STATES.indexOf(state));
  return SECTION_STATES[best];
}

/** The state in a few words, as every face shows it: `guidance left`, `2 placeholders left`, `done`. */
export function describeState(status: Pick<HeadingStatus, 'state' | 'placeholders' | 'guidance' | 'problems'> & { readonly notApplicable?: boolean }): string {
  if (status.state === 'done' && status.notApplicable) return 'not applicable';
  switch (status.state) {
    case 'missing':
      return 'missing';
    case 'empty':
      return 'empty';
    // A section with no text of its own has the state of its subsections, where the counts are.
    case 'guidance':
      return status.guidance > 0 ? `guidance left (${status.guidance} ${status.guidance === 1 ? 'line' : 'lines'})` : 'guidance left in subsections';
    case 'placeholders':
      return status.placeholders > 0 ? `${status.placeholders} ${status.placeholders === 1 ? 'placeholder' : 'placeholders'} left` : 'placeholders left in subsections';
    case 'problems':
      return status.problems > 0 ? `${status.problems} ${status.problems === 1 ? 'problem' : 'problems'}` : 'problems in subsections';
    case 'done':
      return 'done';
  }
}
