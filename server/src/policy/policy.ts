/**
 * The policy: for a document URI, whether it is an architecture document (and why), against
 * which template, and with which settings. The language server and the CLI both ask it, so the
 * editor and CI check the same documents the same way. It reads files only through the
 * `PolicyWorkspace` it is given, and asks the cheap questions first: the name, then the
 * settings and the size, and only then the text, for markers.
 */
import type { ArchdocLanguageService, SelectedBy } from '../core/index.ts';
import type { TemplateInfo, TemplateRef } from '../protocol.ts';
import type { ConfigError } from './config.ts';
import { ConfigFiles, isConfigFile } from './configFiles.ts';
import { readMarkers } from './markers.ts';
import type { TemplateRegistry } from './registry.ts';
import { isMarkdown, matchesScoped, selectedBy, selectedByPath, selectWithMarkers, type SelectionReason } from './selection.ts';
import { mergeSettings, type EffectiveSettings } from './effective.ts';
import { normalizeSettings, restrictSettings } from './settings.ts';
import { resolveTemplate, sameRef, TemplateLoader } from './templates.ts';
import { findRepositoryRoot, type RepositoryRoot } from './repositoryRoot.ts';
import { isInside, normalizeUri, parentOf } from './uri.ts';
import type { PolicyWorkspace } from './workspace.ts';

export interface PolicyOptions {
  readonly workspace: PolicyWorkspace;
  readonly registry: TemplateRegistry;
  readonly engine: ArchdocLanguageService;
  /** Whether the workspace is trusted (restricted mode: only templates inside the workspace folder). */
  readonly trusted: boolean;
  /** The workspace folders as URIs; the CLI gives none and stops at the repository root. */
  folders(): readonly string[];
  /** The editor's `archdoc` settings for `uri`, as the client sent them; the CLI gives its own defaults. */
  clientSettings(uri: string): Promise<unknown>;
  /** Values that win over the config file too: the CLI's explicit `--max-size`. */
  readonly override?: { readonly maxFileSize?: number };
  /**
   * Per workspace folder URI, a template the workspace's own settings name (`archdoc.template`
   * or `archdoc.templates`, as written) that the editor ignores because the workspace is not
   * trusted. Only the editor knows the workspace set one; it hides the value itself.
   */
  readonly ignoredTemplates?: Readonly<Record<string, string>>;
  /**
   * Per workspace folder URI, when the ignored settings are `archdoc.templates` globs alone
   * (no `archdoc.template`), those globs: only the documents they cover would have followed
   * the workspace's template, and the others are checked as they would be in a trusted one.
   */
  readonly ignoredTemplateGlobs?: Readonly<Record<string, readonly string[]>>;
}

/** A document the policy is asked about. */
export interface PolicyDocument {
  readonly uri: string;
  readonly languageId?: string;
  /** Size of the text in bytes (UTF-8). */
  readonly bytes: number;
  /** The text, read only when the cheap questions did not decide. */
  text(): string | Promise<string>;
  /** Named on the command line: checked whatever its name, unless it opts out. */
  readonly named?: boolean;
}

/** Where the template came from, in the order they are tried. */
export type TemplateSource = 'marker' | 'templates' | 'template' | 'default';

export type Decision =
  | { readonly kind: 'ignored'; readonly reason: 'not-markdown' | 'not-selected' | 'opted-out' }
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limit: number; readonly settings: EffectiveSettings }
  | { readonly kind: 'config-error'; readonly error: ConfigError }
  | { readonly kind: 'template-error'; readonly error: string; readonly settings: EffectiveSettings }
  /** The template the workspace chose is ignored (restricted mode): the document is not checked against another one. */
  | { readonly kind: 'template-ignored'; readonly template: string; readonly settings: EffectiveSettings }
  | {
      readonly kind: 'checked';
      readonly reason: SelectionReason | 'untitled' | 'named';
      /** The same, as the core's confidence policy takes it (`CheckSettings.selectedBy`). */
      readonly selectedBy: SelectedBy;
      readonly template: TemplateRef;
      readonly templateSource: TemplateSource;
      readonly settings: EffectiveSettings;
      /** The document's workspace folder, against which restricted mode checks templates. */
      readonly folder: string | undefined;
    };

export type SettingsOutcome = { readonly ok: true; readonly settings: EffectiveSettings } | { readonly ok: false; readonly error: ConfigError };

export class Policy {
  readonly templates: TemplateLoader;
  private readonly configs: ConfigFiles;

  constructor(private readonly options: PolicyOptions) {
    this.templates = new TemplateLoader(options.workspace, options.registry, options.engine, { trusted: options.trusted });
    this.configs = new ConfigFiles(options.workspace);
  }

  get registry(): TemplateRegistry {
    return this.options.registry;
  }

  /** The innermost workspace folder holding `uri`. */
  folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.options.folders().map(normalizeUri)) {
      if (isInside(folder, uri) && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best;
  }

  /** The settings for `uri`: the editor's, overridden key by key by the config file that applies. */
  async settings(uri: string): Promise<SettingsOutcome> {
    const folder = this.folderOf(uri);
    const client = normalizeSettings(await this.options.clientSettings(uri));
    const config = await this.configs.lookup(uri, folder);
    if (config && !config.ok) return { ok: false, error: config.error };
    const settings = mergeSettings(client, folder ?? parentOf(uri), config?.config);
    const maxFileSize = this.options.override?.maxFileSize;
    return { ok: true, settings: restrictSettings(maxFileSize === undefined ? settings : { ...settings, maxFileSize }, this.options.trusted) };
  }

  /** Whether the document is checked, why, against which template and with which settings. */
  async decide(doc: PolicyDocument): Promise<Decision> {
    const uri = normalizeUri(doc.uri);
    if (!doc.named && !isMarkdown(uri, doc.languageId)) return { kind: 'ignored', reason: 'not-markdown' };
    const folder = this.folderOf(uri);
    const outcome = await this.settings(uri);
    if (!outcome.ok) {
      // The broken file's own globs are unknown; the documents it would surely cover get its error.
      const byName = selectedByPath(uri, folder, []);
      const markers = byName || doc.named ? undefined : readMarkers(await doc.text());
      const covered = byName !== undefined || doc.named === true || (markers !== undefined && selectWithMarkers(undefined, markers) === 'marker');
      return covered ? { kind: 'config-error', error: outcome.error } : { kind: 'ignored', reason: 'not-selected' };
    }
    const { settings } = outcome;
    const byPath = selectedByPath(uri, folder, settings.files);
    if (doc.bytes > settings.maxFileSize) {
      return byPath || doc.named ? { kind: 'too-large', bytes: doc.bytes, limit: settings.maxFileSize, settings } : { kind: 'ignored', reason: 'not-selected' };
    }
    const markers = readMarkers(await doc.text());
    const selected = selectWithMarkers(byPath, markers);
    if (selected === 'opted-out') return { kind: 'ignored', reason: 'opted-out' };
    const reason = selected ?? (doc.named ? 'named' : uri.startsWith('untitled:') ? 'untitled' : undefined);
    if (reason === undefined) return { kind: 'ignored', reason: 'not-selected' };
    const chosen = this.chooseTemplate(uri, settings, markers.template);
    const ignored = markers.template === undefined ? await this.ignoredTemplate(uri, folder, chosen) : undefined;
    if (ignored !== undefined) return { kind: 'template-ignored', template: ignored, settings };
    if ('error' in chosen) return { kind: 'template-error', error: chosen.error, settings };
    return { kind: 'checked', reason, selectedBy: selectedBy(reason), template: chosen.ref, templateSource: chosen.source, settings, folder };
  }

  /**
   * The template for a document: its own marker first (relative to the document's folder),
   * then the first `templates` glob that matches, then `template`, then the default bundled one.
   */
  chooseTemplate(uri: string, settings: EffectiveSettings, marker: string | undefined): { ref: TemplateRef; source: TemplateSource } | { error: string } {
    const home = this.options.workspace.home;
    const resolve = (configured: string, base: string | undefined, source: TemplateSource) => {
      const resolved = resolveTemplate(configured, base, this.registry, home);
      return 'error' in resolved ? resolved : { ref: resolved.ref, source };
    };
    if (!uri.startsWith('file:') && this.folderOf(uri) === undefined) return this.templateWithoutFolder(settings, marker);
    if (marker !== undefined) return resolve(marker, parentOf(uri), 'marker');
    const byGlob = settings.templates.find((t) => matchesScoped([t.glob], uri));
    if (byGlob) return resolve(byGlob.template, byGlob.base, 'templates');
    if (settings.template) return resolve(settings.template.configured, settings.template.base, 'template');
    return { ref: { kind: 'bundled', id: this.registry.defaultId }, source: 'default' };
  }

  /** The template the workspace set for a workspace folder that restricted mode ignores, as written. */
  ignoredTemplateOf(folder: string): string | undefined {
    return this.forFolder(this.options.ignoredTemplates, folder);
  }

  /** The value an untrusted workspace's folder has in a per-folder record the editor sent. */
  private forFolder<T>(record: Readonly<Record<string, T>> | undefined, folder: string): T | undefined {
    if (this.options.trusted || !record) return undefined;
    const bare = (key: string): string => {
      const uri = normalizeUri(key);
      return uri.endsWith('/') ? uri.slice(0, -1) : uri;
    };
    return Object.entries(record).find(([key]) => bare(key) === bare(folder))?.[1];
  }

  /**
   * The template the workspace set for the document's folder when restricted mode ignores it
   * and nothing else names one: the workspace's value would have won over the user's settings
   * and the default, so either would be another schema than the one the document follows. The
   * document's own marker and the config file are still read in restricted mode, so a template
   * they name is the one the workspace chose.
   */
  private async ignoredTemplate(uri: string, folder: string | undefined, chosen: { source: TemplateSource } | { error: string }): Promise<string | undefined> {
    const ignored = folder === undefined ? undefined : this.ignoredTemplateOf(folder);
    if (ignored === undefined || folder === undefined) return undefined;
    const globs = this.forFolder(this.options.ignoredTemplateGlobs, folder);
    if (Array.isArray(globs)) {
      const scoped = globs.filter((glob): glob is string => typeof glob === 'string').map((glob) => ({ base: folder, glob }));
      if (!matchesScoped(scoped, uri)) return undefined;
    }
    const config = await this.configs.lookup(uri, folder);
    if (config?.ok !== true) return ignored;
    const named = 'source' in chosen && chosen.source === 'templates' ? config.config.templates : config.config.template;
    return named === undefined ? ignored : undefined;
  }

  /**
   * Untitled documents have no folder to resolve a path against (the server's working
   * directory is no place to read from), so they use the default bundled template, unless the
   * workspace is trusted and the marker or `template` names a bundled id or an absolute path.
   */
  private templateWithoutFolder(settings: EffectiveSettings, marker: string | undefined): { ref: TemplateRef; source: TemplateSource } {
    const fallback = { ref: { kind: 'bundled', id: this.registry.defaultId } as TemplateRef, source: 'default' as const };
    const configured = marker ?? settings.template?.configured;
    if (!this.options.trusted || configured === undefined) return fallback;
    const resolved = resolveTemplate(configured, undefined, this.registry, this.options.workspace.home);
    return 'error' in resolved ? fallback : { ref: resolved.ref, source: marker !== undefined ? 'marker' : 'template' };
  }

  /**
   * The templates a new document at `uri` could follow, for pickers: the bundled ones, then
   * every template the settings that apply there name, resolved as the checker resolves them.
   */
  async templatesFor(uri: string): Promise<TemplateInfo[]> {
    const list: TemplateInfo[] = this.registry.list().map((t) => ({
      label: t.sidecar.label ?? t.id,
      template: { kind: 'bundled', id: t.id },
      ...(t.sidecar.fileName ? { fileName: t.sidecar.fileName } : {}),
      ...(t.sidecar.newDocument?.status ? { status: t.sidecar.newDocument.status } : {}),
    }));
    const outcome = await this.settings(normalizeUri(uri));
    if (!outcome.ok) return list;
    const { settings } = outcome;
    const configured = [...(settings.template ? [settings.template] : []), ...settings.templates.map((t) => ({ configured: t.template, base: t.base }))];
    for (const { configured: label, base } of configured) {
      const resolved = resolveTemplate(label, base, this.registry, this.options.workspace.home);
      if ('error' in resolved || list.some((t) => sameRef(t.template, resolved.ref))) continue;
      const loaded = await this.templates.load(resolved.ref, this.folderOf(normalizeUri(uri)));
      const sidecar = loaded.ok ? loaded.schema.sidecar : {};
      list.push({ label, template: resolved.ref, ...(sidecar.fileName ? { fileName: sidecar.fileName } : {}), ...(sidecar.newDocument?.status ? { status: sidecar.newDocument.status } : {}) });
    }
    return list;
  }

  /**
   * The repository root of the document at `uri`, by URI: the nearest folder holding the
   * config file, else the git root, else the workspace folder (`folder`, the document's own by
   * default); never outside the workspace folder when restricted. Undefined when the document
   * belongs to no repository. Every host asks here; nothing else decides it.
   */
  async repositoryRoot(uri: string, folder: string | undefined = this.folderOf(normalizeUri(uri))): Promise<RepositoryRoot | undefined> {
    const root = await findRepositoryRoot(normalizeUri(uri), folder, this.options.trusted, (dir) => this.configs.markers(dir));
    if (root === undefined) return undefined;
    const config = (await this.configs.markers(root)).config;
    // A config file that cannot be read is reported on the documents under it, which are then not checked at all.
    const outcome = config === undefined ? undefined : await this.configs.load(config);
    return { uri: root, ignore: outcome?.ok ? (outcome.config.ignore ?? []) : [] };
  }

  /** A config file was created, changed or deleted: every lookup starts again. */
  configChanged(): void {
    this.configs.clear();
  }

  isConfigFile(uri: string): boolean {
    return isConfigFile(uri);
  }
}
