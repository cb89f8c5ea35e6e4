/**
 * What the server knows about one version of one document: not an architecture document,
 * too large to check, tied to a template that cannot be used, or analysed. Each version is
 * parsed and analysed once; every feature reads the cached state.
 */
import type { Analysis, ArchdocLanguageService } from '../core/index.ts';
import { readMarkers } from './markers.ts';
import { isArchitectureDocument, isMarkdown, selectedByPath } from './selection.ts';
import type { ServerSettings, SettingsStore } from './settings.ts';
import { chooseTemplate, type TemplateRef, type TemplateStore } from './templates.ts';
import { uriToPath, type WorkspaceFolders } from './workspace.ts';

export type DocumentState =
  | { readonly kind: 'ignored' }
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limit: number }
  /** The workspace chose a template that Restricted Mode ignores: the document is not checked against another one. */
  | { readonly kind: 'template-ignored'; readonly template: string }
  | { readonly kind: 'template-error'; readonly error: string; readonly template: TemplateRef; readonly settings: ServerSettings }
  | { readonly kind: 'ready'; readonly analysis: Analysis; readonly template: TemplateRef; readonly settings: ServerSettings };

/** The part of a text document the server reads. */
export interface DocumentSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

export interface StateDependencies {
  readonly engine: ArchdocLanguageService;
  readonly settings: SettingsStore;
  readonly folders: WorkspaceFolders;
  readonly templates: TemplateStore;
  /** The template a folder's workspace settings name when an untrusted workspace has them ignored. */
  readonly ignoredTemplate?: (folder: string | undefined) => string | undefined;
}

/**
 * Works out the state of one document version from scratch. The cheap questions come first:
 * is it markdown, is it within the size limit. Only then is the text read for markers, so a
 * document that is not markdown or is too large costs nothing more. A too-large document is
 * reported only when its name or an `archdoc.files` glob selects it; one that could only opt
 * in by a marker is ignored, as its markers are never read.
 */
export async function computeState(doc: DocumentSnapshot, deps: StateDependencies): Promise<DocumentState> {
  const filePath = uriToPath(doc.uri);
  if (!isMarkdown({ filePath, languageId: doc.languageId })) return { kind: 'ignored' };
  const text = doc.getText();
  const settings = await deps.settings.get(doc.uri);
  const folder = filePath === undefined ? undefined : deps.folders.folderOf(filePath);
  const byPath = { filePath, folder, languageId: doc.languageId, files: settings.files };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > settings.maxFileSize) {
    return selectedByPath(byPath) ? { kind: 'too-large', bytes, limit: settings.maxFileSize } : { kind: 'ignored' };
  }
  const markers = readMarkers(text);
  const selected = isArchitectureDocument({ ...byPath, markers });
  // An untitled document has no name to go by (a scaffold with no folder open is one), so its
  // content decides: it is checked once it holds a few of the template's sections.
  const untitled = !selected && doc.uri.startsWith('untitled:') && doc.languageId === 'markdown';
  if (!selected && !untitled) return { kind: 'ignored' };
  const ignored = markers.template === undefined ? deps.ignoredTemplate?.(folder) : undefined;
  if (ignored !== undefined) return { kind: 'template-ignored', template: ignored };
  const template = chooseTemplate({ filePath, folder, markers, settings, trusted: deps.templates.trusted });
  const outcome = await deps.templates.load(template, folder);
  if (!outcome.ok) return untitled ? { kind: 'ignored' } : { kind: 'template-error', error: outcome.error, template, settings };
  const analysis = deps.engine.analyze(text, outcome.schema);
  if (untitled && !holdsTemplateSections(analysis)) return { kind: 'ignored' };
  return { kind: 'ready', analysis, template, settings };
}

/** Sections of the template an untitled document must hold before it counts as an architecture document. */
export const UNTITLED_MIN_SECTIONS = 3;

function holdsTemplateSections(analysis: Analysis): boolean {
  let count = 0;
  for (const id of analysis.present.keys()) if (id !== '') count++;
  return count >= UNTITLED_MIN_SECTIONS;
}

/** A state with the document version it was computed for. */
export type VersionedState = DocumentState & { readonly version: number };

/**
 * The state per document URI, for its latest version. A request for an older version than
 * the cached one recomputes (it cannot happen through the document manager, which only
 * holds the latest text), and `invalidate` drops everything when settings or templates change.
 */
export class StateCache {
  private readonly entries = new Map<string, { readonly version: number; readonly state: Promise<VersionedState> }>();

  constructor(private readonly compute: (doc: DocumentSnapshot) => Promise<DocumentState>) {}

  get(doc: DocumentSnapshot): Promise<VersionedState> {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.state;
    const version = doc.version;
    const state = this.compute(doc).then((computed): VersionedState => ({ ...computed, version }));
    this.entries.set(doc.uri, { version: doc.version, state });
    // A failed computation must not stay cached: the next request tries again.
    state.catch(() => {
      if (this.entries.get(doc.uri)?.state === state) this.entries.delete(doc.uri);
    });
    return state;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  invalidate(): void {
    this.entries.clear();
  }
}
