/**
 * What the server knows about one version of one document: not an architecture document,
 * too large to check, tied to a template that cannot be used, or analysed. Each version is
 * parsed and analysed once; every feature reads the cached state.
 */
import type { Analysis, ArchdocLanguageService } from '../core/index.ts';
import { readMarkers } from './markers.ts';
import { isArchitectureDocument } from './selection.ts';
import type { ServerSettings, SettingsStore } from './settings.ts';
import { chooseTemplate, type TemplateRef, type TemplateStore } from './templates.ts';
import { uriToPath, type WorkspaceFolders } from './workspace.ts';

export type DocumentState =
  | { readonly kind: 'ignored' }
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limit: number }
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
}

/** Works out the state of one document version from scratch. */
export async function computeState(doc: DocumentSnapshot, deps: StateDependencies): Promise<DocumentState> {
  const text = doc.getText();
  const settings = await deps.settings.get(doc.uri);
  const filePath = uriToPath(doc.uri);
  const folder = filePath === undefined ? undefined : deps.folders.folderOf(filePath);
  const markers = readMarkers(text);
  const selected = isArchitectureDocument({ filePath, folder, markers, languageId: doc.languageId, files: settings.files });
  // An untitled document has no name to go by (a scaffold with no folder open is one), so its
  // content decides: it is checked once it holds a few of the template's sections.
  const untitled = !selected && doc.uri.startsWith('untitled:') && doc.languageId === 'markdown';
  if (!selected && !untitled) return { kind: 'ignored' };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > settings.maxFileSize) return { kind: 'too-large', bytes, limit: settings.maxFileSize };
  const template = chooseTemplate({ filePath, folder, markers, settings });
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
