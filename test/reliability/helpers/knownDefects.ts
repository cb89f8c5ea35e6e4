/**
 * Defects the property tests have found in code this suite does not own, each with a minimal
 * reproduction that `knownDefects.test.ts` asserts (and that fails until the defect is fixed).
 * The property tests set aside a failure only when it matches one of these exactly, count it,
 * and print the counts, so that every other failure still fails the run. When a defect is
 * fixed, its regression test passes and its entry here should go.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { engine, bundledSchema } from '../../helpers/core.ts';

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

export const KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'insert-rematches-misplaced-heading',
    summary: 'sectionFixes.ts: with a heading written at the wrong level ("   ### Overview" under "## Performance"), inserting a section or an empty section\'s content changes which heading stands for which section, so a section goes missing ("## Performance\\n\\n   ### Overview", insert "### Optimization Strategies").',
    matches: (f) =>
      /^(?:Insert|Move)/.test(f.title) &&
      /missing-section|empty-section|section-order/.test(f.message) &&
      /^ {1,3}#/m.test(f.text) &&
      engine.analyze(f.text, bundledSchema()).matches.some((m) => m?.kind === 'level'),
  },
  {
    id: 'insertion-ends-lenient-check',
    summary: 'missingFixes.ts with fit.ts: inserting sections into a document that is checked leniently (found by its name and adapted, "## the\\n\\n## Deployment", or unrelated, "### the") can make it follow the template, and then what the lenient check held back (the missing subsections of sections it already had, every missing section, or sections out of order) is reported.',
    matches: (f) => {
      if (!/^Insert /.test(f.title)) return false;
      // A document found by its name and checked leniently (adapted, or unrelated to the template) before the insertion.
      const fit = engine.analyze(f.text, bundledSchema()).fit;
      if (!fit.adapted && !fit.unrelated) return false;
      return /(?:introduced|left its) (?:missing-section|section-order|heading-level|empty-section)/.test(f.message);
    },
  },
  {
    id: 'bom-before-indented-heading',
    summary: 'parse/document.ts reads a byte order mark as text: "\\uFEFF   ### Overview" is no heading, yet once a line is inserted at the top (the BOM stays first) it is one, and is reported ("\\uFEFF   ### Overview\\n", insert "Architecture" or disable a code for the file).',
    matches: (f) => f.text.startsWith('\uFEFF') && f.edits.some((e) => e.range.start.line === 0) && /introduced (?:heading-level|section-order|empty-section)/.test(f.message),
  },
];

/** The known defect a failure is, if any. */
export function knownDefect(f: FixFailure): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((k) => k.matches(f));
}
