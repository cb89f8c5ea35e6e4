/**
 * Custom requests between the ArchDoc language server and its clients. Standard LSP covers
 * diagnostics, completion, symbols, hover and code actions; these two carry what LSP has no
 * message for. Both sides import this file so that names and shapes are declared once.
 */
import type { Range } from 'vscode-languageserver-types';
import type { SectionState } from './core/sectionState.ts';

/** `archdoc/outline`: the template-aware outline of one open document; `null` when it is not an architecture document. */
export const OutlineRequest = 'archdoc/outline';

export interface OutlineParams {
  readonly uri: string;
}

/** A section's state, as the engine defines it once (`core/sectionState.ts`). */
export type OutlineState = SectionState;

export interface OutlineNode {
  /** Template section id (stable), or `extra:<line>` for sections the author added. */
  readonly id: string;
  readonly title: string;
  readonly level: number;
  readonly state: OutlineState;
  readonly optional: boolean;
  /** Where the section stands in the document; absent when it is missing. */
  readonly range?: Range;
  /** Placeholders left in the section's own text (up to its first subsection). */
  readonly placeholders: number;
  /** The template's guidance lines left in the section's own text. */
  readonly guidance: number;
  /** Findings of other rules in the section's own text, such as invalid dates. */
  readonly problems: number;
  /** Whether the section stands where the template's order does not put it. */
  readonly outOfOrder: boolean;
  /** The state in words, as the hover and the view show it: `done`, `2 placeholders left`. */
  readonly description: string;
  readonly children: readonly OutlineNode[];
}

export interface OutlineResult {
  readonly uri: string;
  readonly version: number | null;
  /** Path or `bundled` of the template in use. */
  readonly template: string;
  readonly nodes: readonly OutlineNode[];
  /** Required template sections that are written (state `problems` or `done`), and how many the template requires. */
  readonly sectionsWritten: number;
  readonly sectionsRequired: number;
  /** Placeholders left in the whole document. */
  readonly placeholders: number;
  /**
   * Set when the template the workspace chose is ignored because the workspace is not
   * trusted: the document is then not checked at all (nodes is empty), rather than checked
   * against another template. Holds the template as the workspace set it.
   */
  readonly ignoredTemplate?: string;
  /** Set when the template could not be used; nodes is then empty. */
  readonly error?: string;
}

/** `archdoc/render`: a new document rendered from the template that applies to `uri`. */
export const RenderRequest = 'archdoc/render';

export interface RenderParams {
  /** The target document, used to pick the template (settings, globs). */
  readonly uri: string;
  readonly name: string;
  /** ISO date; defaults to today on the server. */
  readonly date?: string;
  readonly status?: string;
  /** A template from `archdoc/templates` (its `path`, or `bundled`) to use instead of the one the settings pick. */
  readonly template?: string;
}

export interface RenderResult {
  /** The document; it starts with an `<!-- archdoc -->` marker when `marked`. */
  readonly text: string;
  /** Whether the marker was added because the target's name (or an untitled document's lack of one) would not make it an architecture document. */
  readonly marked: boolean;
  /** Path or `bundled` of the template used. */
  readonly template: string;
}

/** `archdoc/templates`: the templates configured for a workspace folder, for the scaffold's picker. */
export const TemplatesRequest = 'archdoc/templates';

export interface TemplatesParams {
  readonly uri: string;
}

export interface TemplateInfo {
  /** A label for pickers: the path as configured, or `Bundled template`. */
  readonly label: string;
  /** Absolute path, or `bundled`. */
  readonly path: string;
}

export interface TemplatesResult {
  readonly templates: readonly TemplateInfo[];
}
