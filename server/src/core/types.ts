/**
 * The vocabulary shared by every part of the engine: the schema compiled from a template,
 * the model parsed from a document, and the analysis that relates the two.
 *
 * Everything here is plain data. The core never talks to the outside world, so these
 * types are all that the language server, the CLI and the tests exchange with it.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { DIAGNOSTIC_CODES } from './codes.ts';

export { DIAGNOSTIC_CODES, RULE_DOCS_BASE } from './codes.ts';

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

/**
 * How a document came to be checked, as the adapter's selection decided it:
 * - `opt-in`: it asked to be (front matter `archdoc: true`, an `<!-- archdoc -->` comment or a template marker);
 * - `glob`: it matches the user's `archdoc.files` globs;
 * - `name`: only its name or place says so (`ARCHITECTURE.md`, `docs/architecture/`, a file named on the command line).
 *
 * Documents selected by name are checked with the confidence policy of `fit.ts`; the others fully.
 */
export type SelectedBy = 'opt-in' | 'glob' | 'name';

/** Settings the core understands. Adapters build this plain object; the core never reads settings itself. */
export interface CheckSettings {
  /** Severity per code; codes not listed use their default. */
  readonly severity?: Partial<Record<DiagnosticCode, SeverityName>>;
  /** How the document was selected; absent means it asked to be checked fully. */
  readonly selectedBy?: SelectedBy;
}

// ---------------------------------------------------------------------------------------------
// Schema (compiled once per template text)

/** A placeholder as written in the template: `[Project Name]`, `YYYY-MM-DD`, `[Draft | Active]`. */
export interface PlaceholderSpec {
  /** The token exactly as it appears, brackets included. */
  readonly text: string;
  readonly kind: 'text' | 'date' | 'enum';
  /** The choices of an enumeration placeholder. */
  readonly values?: readonly string[];
  /** The section (id) the template puts it in; `''` for the title section. */
  readonly sectionId: string;
  /** Whether the template puts it inside a code block. */
  readonly inCode: boolean;
}

/** A field with a type, written in the template as `**Label**: placeholder`. */
export interface TypedFieldSpec {
  readonly label: string;
  readonly kind: 'date' | 'enum';
  readonly values?: readonly string[];
  /** The placeholder the template gives as its value. */
  readonly placeholder: string;
}

/** A field of a repeatable entry, e.g. `- **Context**: What was the situation`. */
export interface EntryFieldSpec {
  readonly name: string;
  readonly required: boolean;
  /** The template's guidance after the label (`What was the situation`). */
  readonly guidance: string;
  /** The template's line for this field, used to insert it. */
  readonly line: string;
}

/** A repeatable block introduced by a bold title line, e.g. a component or a decision record. */
export interface EntryKindSpec {
  /** The template's title text without the bold markers (`[Date] - Decision Title`). */
  readonly title: string;
  /** A short noun for the kind, used in outlines and completions (`Decision`, `Component`). */
  readonly label: string;
  readonly sectionId: string;
  readonly fields: readonly EntryFieldSpec[];
  /** Whether the title starts with a date (`[Date] - …`) that must be a valid ISO date. */
  readonly datedTitle: boolean;
  /** The template text of one whole entry, title line to last line. */
  readonly skeleton: string;
}

/** A section of the template: one heading and what belongs under it. */
export interface SchemaSection {
  /** Stable id: slugs of the heading path, e.g. `system-architecture/components`. `''` for the title. */
  readonly id: string;
  readonly title: string;
  /** The normalized title used for matching. */
  readonly key: string;
  readonly level: number;
  /** Position in template order (pre-order). The title section is -1. */
  readonly index: number;
  readonly parentId: string | undefined;
  readonly childIds: readonly string[];
  readonly optional: boolean;
  /**
   * Other names the section goes by, as matching keys (see `headingKey`): declared in the template
   * with `<!-- archdoc: aliases A, B -->` or in the template's sidecar file.
   */
  readonly aliases: readonly string[];
  /** The section's own body (without subsections), trimmed: what the template says belongs here. */
  readonly guidance: string;
  /** The heading line and everything under it, subsections included, as in the template. */
  readonly skeleton: string;
  readonly entryKinds: readonly EntryKindSpec[];
  /** 0-based line of the heading in the template. */
  readonly line: number;
}

/**
 * What a template says about itself beyond its markdown, from the JSON sidecar beside it
 * (`ARCHITECTURE.json` beside `ARCHITECTURE.md`). Every key is optional; generic code never
 * guesses what the sidecar would say.
 */
export interface TemplateSidecar {
  /** Id of a bundled template (`architecture`). */
  readonly id?: string;
  /** How pickers name the template. */
  readonly label?: string;
  /** The file name a new document from this template usually gets. */
  readonly fileName?: string;
  /** Placeholders that stand for the project's name, filled when a new document is rendered. */
  readonly projectName?: readonly string[];
  /** Values a new document starts with. */
  readonly newDocument?: { readonly status?: string };
  /**
   * Other names of a section, by section id (`decision-log`) or title (`Decision Log`): a heading
   * with one of them is that section. Templates can also declare them in a section's body.
   */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
}

export interface Schema {
  /** The template text the schema was compiled from. */
  readonly source: string;
  /** The template's sidecar; `{}` when it has none. */
  readonly sidecar: TemplateSidecar;
  readonly root: SchemaSection;
  /** Every section but the title, in template order. */
  readonly sections: readonly SchemaSection[];
  readonly byId: ReadonlyMap<string, SchemaSection>;
  /** Distinctive guidance and example lines, normalized, mapped to the id of their section. */
  readonly templateLines: ReadonlyMap<string, string>;
  readonly placeholders: readonly PlaceholderSpec[];
  readonly typedFields: readonly TypedFieldSpec[];
}

// ---------------------------------------------------------------------------------------------
// Document model (parsed once per document version)

export interface DocHeading {
  /** 0-based line of the heading (for setext, the text line). */
  readonly line: number;
  readonly level: number;
  /** The heading's text as written, without markers. */
  readonly text: string;
  readonly setext: boolean;
  /** The whole heading line(s). */
  readonly range: Range;
  /** The title text only. */
  readonly textRange: Range;
  /** First line after the section: the next heading of the same or higher level, or the line count. */
  readonly endLine: number;
  /** Index of the enclosing heading in `headings`, or -1. */
  readonly parent: number;
}

export interface DocTableRow {
  readonly line: number;
  readonly cells: number;
}

export interface DocTable {
  readonly headerLine: number;
  readonly columns: number;
  /** Body rows (the delimiter row excluded). */
  readonly rows: readonly DocTableRow[];
  readonly endLine: number;
}

export interface DocEntryField {
  readonly name: string;
  readonly line: number;
  /** The value after the label, trimmed. */
  readonly value: string;
}

/** A bold title line followed by content, inside some section. */
export interface DocEntry {
  readonly title: string;
  readonly line: number;
  readonly range: Range;
  /** The title's text range (inside the bold markers). */
  readonly titleRange: Range;
  readonly endLine: number;
  readonly fields: readonly DocEntryField[];
  /** Indentation and bullet used by the entry's field list, to insert fields that match. */
  readonly bullet: string;
  /** Index of the heading whose section holds the entry, or -1. */
  readonly heading: number;
}

/** A `**Label**: value` line outside lists. */
export interface DocFieldLine {
  readonly label: string;
  readonly line: number;
  readonly value: string;
  readonly valueRange: Range;
}

export interface FoundPlaceholder {
  readonly text: string;
  readonly range: Range;
  readonly kind: PlaceholderSpec['kind'];
  readonly values?: readonly string[];
  readonly inCode: boolean;
}

export interface Suppressions {
  /** Codes silenced on a given line; an empty set silences every code. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
  /** Codes silenced in the whole file; contains `*` for all. */
  readonly file: ReadonlySet<string>;
  /** Line ranges [from, to] (inclusive, sorted, disjoint) silenced per code by `archdoc-disable` … `archdoc-enable`; `*` for all. */
  readonly ranges: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
}

export interface DocModel {
  readonly text: string;
  /** Lines without their terminators. */
  readonly lines: readonly string[];
  readonly headings: readonly DocHeading[];
  /** 1 where a line belongs to code (fence, indented code), front matter or an HTML block. */
  readonly codeLines: Uint8Array;
  /** Lines that are the content of a fence (not the fence markers). */
  readonly fenceContent: Uint8Array;
  /** Whether the document ends inside a fence that is never closed: text appended to it would be code. */
  readonly endsInOpenFence: boolean;
  readonly tables: readonly DocTable[];
  readonly entries: readonly DocEntry[];
  readonly fieldLines: readonly DocFieldLine[];
  /** Bracketed tokens outside code and links, plus every bracketed token inside fences. */
  readonly placeholders: readonly FoundPlaceholder[];
  readonly suppressions: Suppressions;
  /** Front matter keys, when the document has a YAML front matter block. */
  readonly frontMatter: ReadonlyMap<string, string>;
  /** 1 where a line belongs to a paragraph, list item, heading or table: text a person wrote. */
  readonly proseLines: Uint8Array;
  /** 1 where a line is a table row (header, delimiter or body). */
  readonly tableLines: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Analysis: the document related to the schema

/**
 * How a heading came to stand for its section: its title (`exact`), an alias (`alias`), the title
 * or an alias with words added (`qualified`: `Security & Privacy`), the document's own marker
 * (`declared`), a near spelling (`typo`, a guess), or the title at another heading level (`level`).
 */
export type MatchKind = 'exact' | 'alias' | 'qualified' | 'declared' | 'typo' | 'level';

export interface SectionMatch {
  readonly section: SchemaSection;
  readonly kind: MatchKind;
}

export type SectionState = 'complete' | 'placeholders' | 'empty' | 'missing' | 'out-of-order';

/**
 * Why a heading is out of order: it stands before a section it should follow (`after` is the id
 * of the section it belongs after, `''` when it belongs first), or under the wrong parent.
 */
export type OrderIssue = { readonly kind: 'order'; readonly after: string } | { readonly kind: 'parent'; readonly parentId: string };

export interface Analysis {
  readonly model: DocModel;
  readonly schema: Schema;
  /** Per heading (same index as `model.headings`): the template section it stands for. */
  readonly matches: readonly (SectionMatch | undefined)[];
  /** Template section id → index of the heading that first stands for it. */
  readonly present: ReadonlyMap<string, number>;
  /** Headings that repeat a section already present. */
  readonly duplicates: ReadonlySet<number>;
  /** Headings out of template order. */
  readonly outOfOrder: ReadonlyMap<number, OrderIssue>;
  /** Required template sections absent from the document, in template order (children of absent parents omitted). */
  readonly missing: readonly SchemaSection[];
  /** The unfilled placeholders of the document: the template's own, dates, enumerations, TODO marks. */
  readonly placeholders: readonly FoundPlaceholder[];
  /** Lines holding a placeholder, so that other rules stay quiet on them. */
  readonly placeholderLines: ReadonlySet<number>;
  /**
   * The section tree as the template sees it, per heading: a heading standing for a template
   * section counts at that section's level. `parents[i]` is the enclosing heading (-1: none);
   * `ends[i]` the first line after the section.
   */
  readonly parents: readonly number[];
  readonly ends: readonly number[];
  /** For each entry of the model (same index), the template entry kind it is, if its section has kinds. */
  readonly entryKinds: readonly (EntryKindSpec | undefined)[];
  /** For each heading, the index of the nearest enclosing heading that stands for a template section (-1: none). */
  readonly matchedParent: readonly number[];
  /** Sections the document declares not applicable, by marker or by a body that says so, with every section under them. */
  readonly notApplicable: ReadonlySet<string>;
  /** How closely the document follows the template, for the confidence policy. */
  readonly fit: DocumentFit;
}

/** How closely a document follows its template (see `fit.ts`). */
export interface DocumentFit {
  /** Top-level template sections (the title's children) and how many of them the document has. */
  readonly templateTop: number;
  readonly matchedTop: number;
  /** Top-level headings the template doesn't know. */
  readonly customTop: number;
  /** Top-level template sections the document has under another name (alias, qualifiers, marker, typo). */
  readonly renamedTop: number;
  /** Lines of the template's own guidance still in the document. */
  readonly templateLines: number;
  /** The document keeps the template's idea but adapts its headings: missing sections are likely choices. */
  readonly adapted: boolean;
  /** The document doesn't follow the template at all: another kind of architecture document. */
  readonly unrelated: boolean;
}

export type { Diagnostic, Range };

// ---------------------------------------------------------------------------------------------
// Diagnostic payloads: what a quick fix needs, so that it never re-parses.

export interface Position0 {
  readonly line: number;
  readonly character: number;
}

/**
 * A missing section: insert its skeleton (see `sectionSkeleton`, leaving out subsections already
 * present) at `insertAt`, a line start (the line count means the end of the document). With
 * `adopts`, every part of the skeleton already stands in the document, and `insertAt` is the line
 * of the first of them: the heading inserted there takes them in. `after` is the id of the
 * present section it goes after (`''`: none).
 */
export interface MissingSectionEntry {
  readonly sectionId: string;
  readonly title: string;
  readonly level: number;
  readonly insertAt: Position0;
  readonly after: string;
  readonly adopts: boolean;
}

/** `data` of each diagnostic, by code. Every payload names the code it belongs to. */
export type DiagnosticData =
  | { readonly code: 'placeholder'; readonly kind: PlaceholderSpec['kind']; readonly values?: readonly string[] }
  /** `lines`: every line of guidance left in the section's own text, the first being where it is reported. */
  | { readonly code: 'template-text'; readonly sectionId: string; readonly lines: readonly number[] }
  /**
   * Insert the section's skeleton (see `sectionSkeleton`, leaving out subsections already present)
   * at `insertAt`, a line start (the line count means the end of the document). With `adopts`,
   * every part of the skeleton already stands in the document, and `insertAt` is the line of the
   * first of them: the heading inserted there takes them in.
   */
  /**
   * One diagnostic per parent: `sections` lists every section missing there, in template order.
   * The top-level fields repeat the first entry of `sections`. With `unrelated`, the document
   * doesn't follow the template at all and this is the one notice it gets (opt in or out): it
   * names no sections, and its top-level fields point at the title.
   */
  | ({ readonly code: 'missing-section'; readonly sections: readonly MissingSectionEntry[]; readonly unrelated?: boolean } & MissingSectionEntry)
  /** Move lines [startLine, endLine) so that they start at line `to` (a line of the original text). */
  | { readonly code: 'section-order'; readonly sectionId: string; readonly after: string; readonly startLine: number; readonly endLine: number; readonly to: number }
  | { readonly code: 'duplicate-section'; readonly sectionId: string; readonly firstLine: number }
  /** Replace the heading's line with `replacement` (a whole heading line such as `## Infrastructure`). */
  | { readonly code: 'heading-typo'; readonly sectionId: string; readonly expected: string; readonly replacement: string }
  /** With `misplaced`, the heading is also out of template order: one finding says both. */
  | {
      readonly code: 'heading-level';
      readonly sectionId: string;
      readonly expectedLevel: number;
      readonly replacement: string;
      readonly misplaced?: { readonly after: string; readonly parentId?: string };
    }
  | { readonly code: 'empty-section'; readonly sectionId: string; readonly insertAt: Position0 }
  | { readonly code: 'invalid-value'; readonly values: readonly string[] }
  | { readonly code: 'invalid-date' }
  /** Insert `text` (a whole line with its newline) at `insertAt`, a line start. */
  | { readonly code: 'missing-field'; readonly field: string; readonly insertAt: Position0; readonly text: string }
  | { readonly code: 'table-columns'; readonly expected: number; readonly actual: number }
  | { readonly code: 'extra-section' }
  | { readonly code: 'template-error' }
  /** Remove the entry with its subtree (`edits`), keeping the tree's glyphs consistent. */
  | { readonly code: 'stale-path'; readonly path: string; readonly edits: readonly LineEdit[] }
  /** Insert `text` (a whole tree line with its newline) at `insertAt`, a line start. */
  | { readonly code: 'undocumented-path'; readonly path: string; readonly insertAt: Position0; readonly text: string }
  /** Insert `text` (a table row with its newline) at `insertAt`, a line start. */
  /** Where the variable goes and the line that adds it, when the list's place for it is certain. */
  | { readonly code: 'undocumented-env'; readonly name: string; readonly readBy: string; readonly insertAt?: Position0; readonly text?: string }
  | { readonly code: 'unused-env'; readonly name: string; readonly line: number }
  | { readonly code: 'unknown-dependency'; readonly name: string }
  /** Replace `range` (the stated version) with `replacement`, the manifest's version written the same way. */
  | { readonly code: 'version-mismatch'; readonly name: string; readonly declared: string; readonly replacement: string }
  /** The date of the last commit of the document; `uncommitted` when it has changes since. */
  | { readonly code: 'stale-date'; readonly commit: string; readonly uncommitted: boolean }
  | { readonly code: 'broken-link'; readonly target: string };

/** A replacement of part of one line, as a quick fix applies it. */
export interface LineEdit {
  readonly range: Range;
  readonly newText: string;
}
