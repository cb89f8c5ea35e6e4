/**
 * The settings that apply to one document: the editor's (user, workspace and folder settings,
 * as the client merges them), overridden key by key by the config file, which is what CI sees.
 * `severity` is merged per code. Paths and globs keep the folder they are relative to.
 */
import type { DiagnosticCode, SeverityName } from '../core/index.ts';
import type { ConfigFile } from './config.ts';
import type { ScopedGlob } from './selection.ts';
import { DEFAULT_SETTINGS, type ServerSettings } from './settings.ts';

/** A template reference as written, with the folder it is relative to. */
export interface ConfiguredTemplate {
  readonly configured: string;
  readonly base: string;
}

export interface EffectiveSettings {
  readonly severity: Partial<Record<DiagnosticCode, SeverityName>>;
  readonly completion: { readonly insertSkeleton: boolean };
  readonly maxFileSize: number;
  readonly files: readonly ScopedGlob[];
  /** Glob → template, first match wins. */
  readonly templates: ReadonlyArray<{ readonly glob: ScopedGlob; readonly template: string; readonly base: string }>;
  /** The default template; undefined for the default bundled one. */
  readonly template: ConfiguredTemplate | undefined;
  /** Whether the repository checks run (the editor's `archdoc.checkRepository`). */
  readonly checkRepository: boolean;
  /** The config file that applied, if any. */
  readonly config: string | undefined;
  /** Keys the editor's settings set to something else than the config file, which won. */
  readonly overridden: readonly string[];
}

function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/**
 * The effective settings for a document whose editor settings are `client` (relative to
 * `folder`, its workspace folder or its own folder) under the config file `config`.
 */
export function mergeSettings(client: ServerSettings, folder: string, config: ConfigFile | undefined): EffectiveSettings {
  const overridden: string[] = [];
  const take = <T>(key: string, fromClient: T, fromConfig: T | undefined, isSet: boolean): T => {
    if (fromConfig === undefined) return fromClient;
    if (isSet && differs(fromClient, fromConfig)) overridden.push(key);
    return fromConfig;
  };
  const base = config?.folder ?? folder;
  const files = take('files', client.files, config?.files, client.files.length > 0);
  const templates = take('templates', client.templates, config?.templates, Object.keys(client.templates).length > 0);
  const template = take('template', client.template, config?.template, client.template !== '');
  const filesBase = config?.files ? base : folder;
  const templatesBase = config?.templates ? base : folder;
  const templateBase = config?.template !== undefined ? base : folder;
  const severity = { ...client.severity };
  for (const [code, level] of Object.entries(config?.severity ?? {}) as Array<[DiagnosticCode, SeverityName]>) {
    if (client.severity[code] !== undefined && client.severity[code] !== level) overridden.push(`severity.${code}`);
    severity[code] = level;
  }
  const insertSkeleton = take('completion.insertSkeleton', client.completion.insertSkeleton, config?.completion?.insertSkeleton, client.completion.insertSkeleton !== DEFAULT_SETTINGS.completion.insertSkeleton);
  const maxFileSize = take('maxFileSize', client.maxFileSize, config?.maxFileSize, client.maxFileSize !== DEFAULT_SETTINGS.maxFileSize);
  return {
    severity,
    completion: { insertSkeleton },
    maxFileSize,
    files: files.map((glob) => ({ base: filesBase, glob })),
    templates: Object.entries(templates).map(([glob, t]) => ({ glob: { base: templatesBase, glob }, template: t, base: templatesBase })),
    template: template === '' ? undefined : { configured: template, base: templateBase },
    checkRepository: client.checkRepository,
    config: config?.uri,
    overridden,
  };
}
