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
    matches: (f) => /^Insert/.test(f.title) && /missing-section|introduced (heading-level|empty-section)/.test(f.message) && engine.analyze(f.text, bundledSchema()).matches.some((m) => m?.kind === 'level'),
  },
  {
    id: 'fix-all-changes-levels',
    summary: 'sectionFixes.ts, codeActions.ts: changing the level of a heading written at the wrong level (the quick fix, and fix-all with it) makes the heading after it ("## Components" over "### Architecture") a sibling, so the section it held is left empty; fix-all should not change the heading tree, and the quick fix should take the subsections along or say so.',
    matches: (f) => /^(Fix all|Change to level)/.test(f.title) && /introduced empty-section/.test(f.message) && engine.analyze(f.text, bundledSchema()).matches.some((m) => m?.kind === 'level'),
  },
];

/** The known defect a failure is, if any. */
export function knownDefect(f: FixFailure): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((k) => k.matches(f));
}
