/**
 * Defects the property tests have found in code this suite does not own, each with a minimal
 * reproduction that `knownDefects.test.ts` asserts (and that fails until the defect is fixed).
 * The property tests set aside a failure only when it matches one of these exactly, count it,
 * and print the counts, so that every other failure still fails the run. When a defect is
 * fixed, its regression test passes and its entry here should go.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { analyze, parseDocument, type DiagnosticData } from '../../../server/src/core/index.ts';
import { bundledSchema } from '../../helpers/core.ts';

export interface FixFailure {
  readonly text: string;
  readonly title: string;
  readonly message: string;
  readonly edits: readonly TextEdit[];
  readonly before: readonly Diagnostic[];
}

export interface KnownDefect {
  readonly id: string;
  /** Where the defect lives and what it does. */
  readonly summary: string;
  readonly matches: (f: FixFailure) => boolean;
}

const missingTitle = (f: FixFailure): boolean => f.before.some((d) => (d.data as DiagnosticData | undefined)?.code === 'missing-section' && (d.data as { sectionId: string }).sectionId === '');

export const KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'insert-all-skips-title',
    summary: 'sectionFixes.ts insertAll: "Insert all N missing sections" lists the missing title among its diagnostics but never inserts it.',
    matches: (f) => /^Insert all \d+ missing sections$/.test(f.title) && f.message.includes('left its missing-section') && missingTitle(f),
  },
  {
    id: 'level-fix-reveals-order',
    summary: 'A heading at the wrong level is not checked for its parent; the heading-level fix (and fix-all) then raises section-order, e.g. "###### Entities" with no "## Data Model".',
    matches: (f) => /^(Change to level|Fix all safe)/.test(f.title) && f.message.includes('introduced section-order'),
  },
  {
    id: 'insert-before-bom',
    summary: 'shared.ts insertLines: an insertion at line 0 goes before a leading BOM, which then sits mid-document and turns the old first line into text ("\\uFEFF## Overview" stops being a heading).',
    matches: (f) => f.text.startsWith('\uFEFF') && f.edits.some((e) => e.range.start.line === 0 && e.range.start.character === 0),
  },
  {
    id: 'skeleton-repeats-present-sections',
    summary: 'sectionFixes.ts: inserting a missing section (or an empty section\'s content) pastes the template skeleton with its subsections, even those already present elsewhere, raising duplicate-section or section-order.',
    matches: (f) => /^(Insert all \d+ missing sections|Insert section|Insert the template's content)/.test(f.title) && /introduced (duplicate-section|section-order)/.test(f.message),
  },
  {
    id: 'insert-into-unclosed-fence',
    summary: 'sectionFixes.ts: a section inserted at the end of a document whose last fence is never closed lands inside the fence, so the inserted heading is code and the section stays missing.',
    matches: (f) => {
      if (!/^Insert/.test(f.title)) return false;
      const model = parseDocument(f.text);
      // A line appended after the text is code exactly when the document ends inside an open fence.
      const probe = parseDocument(`${f.text}\n\nprobe`);
      const unclosed = probe.fenceContent[probe.lines.length - 1] === 1;
      return unclosed && f.edits.some((e) => e.range.start.line >= model.lines.length - 2 || model.codeLines[e.range.start.line] === 1 || model.codeLines[e.range.start.line - 1] === 1);
    },
  },
  {
    id: 'insert-rematches-misplaced-heading',
    summary: 'sectionFixes.ts: with a heading written at the wrong level ("   ### Overview" under "## Performance"), inserting a section or an empty section\'s content changes which heading stands for which section, so a section goes missing ("## Performance\\n\\n   ### Overview", insert "### Optimization Strategies").',
    matches: (f) => /^Insert/.test(f.title) && /missing-section/.test(f.message) && analyze(parseDocument(f.text), bundledSchema()).matches.some((m) => m?.kind === 'level'),
  },
  {
    id: 'date-placeholder-in-enum-field',
    summary: 'valueFixes.ts fillPlaceholder: a date placeholder in an enumeration field ("**Status**: YYYY-MM-DD") is replaced with today\'s date, which is then an invalid Status.',
    matches: (f) => /^Insert today's date/.test(f.title) && /introduced invalid-value/.test(f.message),
  },
  {
    id: 'insert-parent-left-empty',
    summary: 'sectionFixes.ts: a missing parent section is inserted without the subsections the document already has elsewhere, so when those were all it held it is inserted empty and raises empty-section ("## Testing Strategy", insert "## Testing").',
    matches: (f) => /^Insert/.test(f.title) && /introduced empty-section/.test(f.message),
  },
];

/** The known defect a failure is, if any. */
export function knownDefect(f: FixFailure): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((k) => k.matches(f));
}
