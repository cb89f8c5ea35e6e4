/**
 * Which documents are architecture documents. Never every markdown file: only files named
 * `ARCHITECTURE.md` (in any case), markdown under `docs/architecture/`, files matching `archdoc.files`, and
 * documents that opt in with a marker. A document can also opt out with `archdoc: false`.
 */
import * as path from 'node:path';
import type { DocumentMarkers } from './markers.ts';
import { matchesGlob } from './glob.ts';
import { relativePath } from './workspace.ts';

export interface SelectionInput {
  /** File system path, when the document is a file. */
  readonly filePath: string | undefined;
  readonly languageId: string;
  readonly folder: string | undefined;
  readonly markers: DocumentMarkers;
  readonly files: readonly string[];
}

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;

/** Whether the document is markdown at all: the first and cheapest question. */
export function isMarkdown(input: Pick<SelectionInput, 'filePath' | 'languageId'>): boolean {
  return input.languageId === 'markdown' || (input.filePath !== undefined && MARKDOWN_FILE.test(input.filePath));
}

function byName(filePath: string, folder: string | undefined): boolean {
  const base = path.basename(filePath);
  if (base.toLowerCase() === 'architecture.md') return true;
  const shown = (folder ? relativePath(folder, filePath) : filePath).split(path.sep).join('/');
  return /(^|\/)docs\/architecture\//.test(shown) && MARKDOWN_FILE.test(base);
}

function byGlob(filePath: string, folder: string | undefined, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const shown = folder ? relativePath(folder, filePath) : filePath.split(path.sep).join('/');
  return globs.some((glob) => matchesGlob(glob, shown));
}

/** Whether the document's name or an `archdoc.files` glob selects it, markers aside. */
export function selectedByPath(input: Omit<SelectionInput, 'markers'>): boolean {
  if (!isMarkdown(input) || input.filePath === undefined) return false;
  return byName(input.filePath, input.folder) || byGlob(input.filePath, input.folder, input.files);
}

export function isArchitectureDocument(input: SelectionInput): boolean {
  if (!isMarkdown(input) || input.markers.optIn === false) return false;
  if (input.markers.optIn === true || input.markers.template !== undefined) return true;
  return selectedByPath(input);
}
