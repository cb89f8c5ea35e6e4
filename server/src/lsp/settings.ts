/**
 * The server's settings: declared once here with their defaults, read per resource through
 * `workspace/configuration`, and cached per URI until the client says they changed.
 */
import { DIAGNOSTIC_CODES, type DiagnosticCode, type SeverityName } from '../core/index.ts';

/** Everything under the `archdoc` section, as the server uses it. */
export interface ServerSettings {
  /** Severity per diagnostic code; codes not listed keep the engine's default. */
  readonly severity: Partial<Record<DiagnosticCode, SeverityName>>;
  /** Extra globs (relative to the workspace folder) naming architecture documents. */
  readonly files: readonly string[];
  /** Template path relative to the workspace folder; empty for the bundled template. */
  readonly template: string;
  /** Glob (relative to the workspace folder) → template path, first match wins. */
  readonly templates: Readonly<Record<string, string>>;
  readonly completion: { readonly insertSkeleton: boolean };
  /** Documents larger than this many bytes are declined with one diagnostic. */
  readonly maxFileSize: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  severity: {},
  files: [],
  template: '',
  templates: {},
  completion: { insertSkeleton: true },
  maxFileSize: 5_000_000,
};

const SEVERITY_NAMES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function readSeverity(raw: Record<string, unknown>): ServerSettings['severity'] {
  const nested = record(raw.severity);
  const result: Partial<Record<DiagnosticCode, SeverityName>> = {};
  for (const code of DIAGNOSTIC_CODES) {
    // Clients without nested configuration (Helix, plain JSON) may send flat `severity.<code>` keys.
    const value = nested[code] ?? raw[`severity.${code}`];
    if (typeof value === 'string' && SEVERITY_NAMES.has(value)) result[code] = value as SeverityName;
  }
  return result;
}

function readTemplates(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [glob, template] of Object.entries(record(value))) {
    if (typeof template === 'string' && template.trim() !== '') result[glob] = template.trim();
  }
  return result;
}

/**
 * Turns whatever the client sent for the `archdoc` section into complete settings. Values of
 * the wrong type fall back to their default rather than failing: settings are user input.
 */
export function normalizeSettings(value: unknown): ServerSettings {
  const raw = record(value);
  const completion = record(raw.completion);
  const insertSkeleton = completion.insertSkeleton ?? raw['completion.insertSkeleton'];
  const files = Array.isArray(raw.files) ? raw.files.filter((f): f is string => typeof f === 'string' && f !== '') : [];
  const maxFileSize = raw.maxFileSize;
  return {
    severity: readSeverity(raw),
    files,
    template: typeof raw.template === 'string' ? raw.template.trim() : DEFAULT_SETTINGS.template,
    templates: readTemplates(raw.templates),
    completion: {
      insertSkeleton: typeof insertSkeleton === 'boolean' ? insertSkeleton : DEFAULT_SETTINGS.completion.insertSkeleton,
    },
    maxFileSize:
      typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0
        ? maxFileSize
        : DEFAULT_SETTINGS.maxFileSize,
  };
}

/**
 * Settings as a restricted (untrusted) workspace may have them. VS Code already ignores the
 * workspace's values of the settings the manifest lists as restricted (`archdoc.template`,
 * `archdoc.templates`, `archdoc.files`, `archdoc.maxFileSize`); the server holds the one
 * that costs work to every client too: a document size limit can be lowered, never raised.
 */
export function restrictSettings(settings: ServerSettings, trusted: boolean): ServerSettings {
  if (trusted || settings.maxFileSize <= DEFAULT_SETTINGS.maxFileSize) return settings;
  return { ...settings, maxFileSize: DEFAULT_SETTINGS.maxFileSize };
}

/** Where settings come from: the client's `workspace/configuration`, or pushed values. */
export interface SettingsSource {
  /** Whether the client answers `workspace/configuration`. */
  readonly pull: boolean;
  /** Asks the client for the `archdoc` section as it applies to `uri`. */
  fetch(uri: string): Promise<unknown>;
}

/**
 * Settings per document URI. Each URI's settings are fetched once and kept until `clear`
 * (on `didChangeConfiguration`); a client that cannot be asked pushes its settings instead.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private pushed: ServerSettings;

  constructor(
    private readonly source: SettingsSource,
    initial: unknown,
    private readonly trusted = true,
  ) {
    this.pushed = this.normalize(initial);
  }

  private normalize(value: unknown): ServerSettings {
    return restrictSettings(normalizeSettings(value), this.trusted);
  }

  get(uri: string): Promise<ServerSettings> {
    if (!this.source.pull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.source.fetch(uri).then(
        (value) => this.normalize(Array.isArray(value) ? value[0] : value),
        () => this.pushed,
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Forgets every cached value; `pushed` is the `archdoc` section from the notification, if any. */
  clear(pushed?: unknown): void {
    this.cache.clear();
    if (pushed !== undefined && pushed !== null) this.pushed = this.normalize(pushed);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
