/**
 * Which documents are architecture documents. Never every markdown file: only files named
 * `ARCHITECTURE.md` (in any case), markdown under `docs/architecture/`, files matching a
 * `files` glob, and documents that opt in with a marker. A document can also opt out with
 * `archdoc: false`. The questions are split so that the cheap ones (the name) can be asked
 * before the document's text is read for markers.
 */
import type { SelectedBy } from '../core/index.ts';
import type { DocumentMarkers } from './markers.ts';
import { matchesGlob } from './glob.ts';
import { basename, pathOf, relativeTo } from './uri.ts';

/** A glob with the folder it is relative to: a workspace folder for settings, the config file's folder for the config. */
export interface ScopedGlob {
  readonly base: string;
  readonly glob: string;
}

/** Why a document is checked. */
export type SelectionReason = 'name' | 'files' | 'marker';

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;
const ARCHITECTURE_NAME = /^architecture\.md$/i;
const ARCHITECTURE_FOLDER = /(^|\/)docs\/architecture\//;

/** Whether the document is markdown at all: the first and cheapest question. */
export function isMarkdown(uri: string, languageId: string | undefined): boolean {
  return languageId === 'markdown' || MARKDOWN_FILE.test(basename(uri));
}

/** Whether `uri` matches one of the globs, each relative to its own folder. */
export function matchesScoped(globs: readonly ScopedGlob[], uri: string): boolean {
  return globs.some(({ base, glob }) => {
    const relative = relativeTo(base, uri);
    return relative !== undefined && relative !== '' && matchesGlob(glob, relative);
  });
}

/**
 * Whether the document's name or a `files` glob selects it, markers aside. `folder` is its
 * workspace folder (or repository root): `docs/architecture/` is looked for below it.
 */
export function selectedByPath(uri: string, folder: string | undefined, files: readonly ScopedGlob[]): SelectionReason | undefined {
  // A glob someone wrote says more than a name the document happens to have.
  if (matchesScoped(files, uri)) return 'files';
  const name = basename(uri);
  if (ARCHITECTURE_NAME.test(name)) return 'name';
  const shown = (folder === undefined ? undefined : relativeTo(folder, uri)) ?? pathOf(uri);
  return ARCHITECTURE_FOLDER.test(shown) && MARKDOWN_FILE.test(name) ? 'name' : undefined;
}

/** The final answer once the markers are known: an opt-out wins, then an opt-in, then the path. */
export function selectWithMarkers(byPath: SelectionReason | undefined, markers: DocumentMarkers): SelectionReason | 'opted-out' | undefined {
  if (markers.optIn === false) return 'opted-out';
  if (markers.optIn === true || markers.template !== undefined) return 'marker';
  return byPath;
}

/**
 * How the core should weigh a document (its confidence policy): one that opted in or matched
 * a glob someone wrote is checked fully; one picked by its name alone (or named on the command
 * line, or untitled) is checked as a document that may only adapt the template.
 */
export function selectedBy(reason: SelectionReason | 'untitled' | 'named'): SelectedBy {
  return reason === 'marker' ? 'opt-in' : reason === 'files' ? 'glob' : 'name';
}
