/**
 * Custom requests between the ArchDoc language server and its clients. Standard LSP covers
 * diagnostics, completion, symbols, hover and code actions; these carry what LSP has no
 * message for. Both sides import this file so that names and shapes are declared once.
 */
import type { Range } from 'vscode-languageserver-types';
import type { SectionState } from './core/sectionState.ts';
import type { Finding, FindingSummary, SectionGuide, SectionNodeShape } from './core/index.ts';

/**
 * A template, wherever one is named: a bundled template by its id (`architecture` is the
 * default), or a template file by its URI. Settings, the config file and front matter write a
 * reference as a string; the policy turns it into this, once.
 */
export type TemplateRef = { readonly kind: 'bundled'; readonly id: string } | { readonly kind: 'file'; readonly uri: string };

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
  /** Number of repository findings (the document no longer matching the repository) in the section, subsections included. */
  readonly drift?: number;
  readonly children: readonly OutlineNode[];
}

export interface OutlineResult {
  readonly uri: string;
  readonly version: number | null;
  /** The template in use; null when none could be chosen (a document too large to check). */
  readonly template: TemplateRef | null;
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
  /** Value for the Status field; defaults to the template's own choice for a new document. */
  readonly status?: string;
  /** A template from `archdoc/templates` to use instead of the one the settings pick. */
  readonly template?: TemplateRef;
}

export interface RenderResult {
  /** The document; it starts with an `<!-- archdoc -->` marker when `marked`. */
  readonly text: string;
  /** Whether the marker was added because the target's name (or an untitled document's lack of one) would not make it an architecture document. */
  readonly marked: boolean;
  /** The template used. */
  readonly template: TemplateRef;
}

/** `archdoc/templates`: the templates configured for a workspace folder, for the scaffold's picker. */
export const TemplatesRequest = 'archdoc/templates';

export interface TemplatesParams {
  readonly uri: string;
}

export interface TemplateInfo {
  /** A label for pickers: the template's own label for bundled ones, the reference as configured for files. */
  readonly label: string;
  readonly template: TemplateRef;
  /** The file name a new document from this template usually gets (`ARCHITECTURE.md`). */
  readonly fileName?: string;
  /** The Status a new document starts with, from the template's sidecar. */
  readonly status?: string;
}

export interface TemplatesResult {
  readonly templates: readonly TemplateInfo[];
}

/** `archdoc/check`: an open document's findings and section states, as the language-model tools report them. */
export const CheckRequest = 'archdoc/check';

export interface CheckParams {
  readonly uri: string;
}

export interface CheckResult {
  readonly uri: string;
  /** Whether the document is checked at all; when false, `reason` says why not. */
  readonly checked: boolean;
  readonly reason?: string;
  /** The template it was checked against; null when it is not checked. */
  readonly template: TemplateRef | null;
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  readonly sections: readonly SectionNodeShape[];
}

/** `archdoc/section`: one template section's guidance and skeleton, from the template that applies to `uri`. */
export const SectionRequest = 'archdoc/section';

export interface SectionParams {
  /** A document whose template applies; the bundled template when absent. */
  readonly uri?: string;
  /** The section's title, heading or id. */
  readonly section: string;
}

export type SectionResult = (SectionGuide & { readonly template: TemplateRef }) | { readonly error: string };

/**
 * Files the server reads through the client, where it cannot reach them itself (the browser
 * build, whose Web Worker has no file system): the client answers from `workspace.fs`, as
 * vscode-yaml does for its schemas. Everything is addressed by URI.
 */
export const FileStatRequest = 'archdoc/fs/stat';
export const FileReadRequest = 'archdoc/fs/readFile';
export const DirectoryReadRequest = 'archdoc/fs/readDirectory';

export interface FileParams {
  readonly uri: string;
}

/** `archdoc/fs/readFile` refuses a file larger than `maxBytes`, so that it never crosses the connection. */
export interface FileReadParams extends FileParams {
  readonly maxBytes: number;
}

export type FileKind = 'file' | 'directory' | 'other';

/** `archdoc/fs/stat`: `null` when nothing is there. */
export type FileStatResult = { readonly kind: FileKind; readonly size: number } | null;

/** `archdoc/fs/readFile`: the file's bytes in base64, so that binary files stay recognisable. */
export interface FileReadResult {
  readonly base64: string;
}

/** `archdoc/fs/readDirectory`: names and kinds of a folder's entries; a symbolic link is `other`, so it is never entered. */
export type DirectoryReadResult = ReadonlyArray<readonly [string, FileKind]>;

/** Bytes as base64, with what both a browser and Node offer (`btoa`), in chunks that stay below argument limits. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
