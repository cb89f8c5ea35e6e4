/**
 * What the server knows about one version of one document: not an architecture document, too
 * large to check, under a config file or tied to a template that cannot be used, or analysed.
 * Which of these is the policy's answer (`server/src/policy`); each version is parsed and
 * analysed once, and every feature reads the cached state.
 */
import type { Analysis, ArchdocLanguageService, SelectedBy } from '../core/index.ts';
import type { ConfigError, EffectiveSettings, Policy, TemplateRef } from '../policy/index.ts';

export type DocumentState =
  | { readonly kind: 'ignored' }
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limit: number }
  | { readonly kind: 'config-error'; readonly error: ConfigError }
  | { readonly kind: 'template-error'; readonly error: string; readonly template: TemplateRef | undefined; readonly settings: EffectiveSettings }
  /** Restricted mode ignores the template the workspace set: not checked, rather than checked against another. */
  | { readonly kind: 'template-ignored'; readonly template: string }
  | {
      readonly kind: 'ready';
      readonly analysis: Analysis;
      readonly template: TemplateRef;
      readonly settings: EffectiveSettings;
      /** How the document was selected, for the core's confidence policy. */
      readonly selectedBy: SelectedBy;
    };

/** The part of a text document the server reads. */
export interface DocumentSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

export interface StateDependencies {
  readonly engine: ArchdocLanguageService;
  readonly policy: Policy;
}

/** The UTF-8 size of `text`, counted without Node's Buffer (absent in a browser) and without encoding a copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Works out the state of one document version from scratch. */
export async function computeState(doc: DocumentSnapshot, deps: StateDependencies): Promise<DocumentState> {
  const text = doc.getText();
  const decision = await deps.policy.decide({ uri: doc.uri, languageId: doc.languageId, bytes: utf8Length(text), text: () => text });
  switch (decision.kind) {
    case 'ignored':
      return { kind: 'ignored' };
    case 'too-large':
      return { kind: 'too-large', bytes: decision.bytes, limit: decision.limit };
    case 'config-error':
      return { kind: 'config-error', error: decision.error };
    case 'template-error':
      return { kind: 'template-error', error: decision.error, template: undefined, settings: decision.settings };
    case 'template-ignored':
      return { kind: 'template-ignored', template: decision.template };
  }
  // An untitled document has no name to go by (a scaffold with no folder open is one), so its
  // content decides: it is checked once it holds a few of the template's sections.
  const untitled = decision.reason === 'untitled';
  const { template, settings } = decision;
  const outcome = await deps.policy.templates.load(template, decision.folder);
  if (!outcome.ok) return untitled ? { kind: 'ignored' } : { kind: 'template-error', error: outcome.error, template, settings };
  const analysis = deps.engine.analyze(text, outcome.schema);
  if (untitled && !holdsTemplateSections(analysis)) return { kind: 'ignored' };
  return { kind: 'ready', analysis, template, settings, selectedBy: decision.selectedBy };
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
