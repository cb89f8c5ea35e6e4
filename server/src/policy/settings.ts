/**
 * The settings, declared once here with their defaults: what the editor sends for the
 * `archdoc` section, and what a config file may set (the same keys, without the prefix).
 */
import { DIAGNOSTIC_CODES, type DiagnosticCode, type SeverityName } from '../core/index.ts';

/** Everything under the `archdoc` section, as written: paths and globs are still relative. */
export interface ServerSettings {
  /** Severity per diagnostic code; codes not listed keep the engine's default. */
  readonly severity: Partial<Record<DiagnosticCode, SeverityName>>;
  /** Extra globs (relative to the workspace folder) naming architecture documents. */
  readonly files: readonly string[];
  /** Template reference (a bundled id or a path relative to the workspace folder); empty for the default. */
  readonly template: string;
  /** Glob (relative to the workspace folder) → template reference, first match wins. */
  readonly templates: Readonly<Record<string, string>>;
  readonly completion: { readonly insertSkeleton: boolean };
  /** Documents larger than this many bytes are declined with one diagnostic. */
  readonly maxFileSize: number;
  /** Whether documents are also checked against their repository (tree, environment, dependencies, dates, links). */
  readonly checkRepository: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  severity: {},
  files: [],
  template: '',
  templates: {},
  completion: { insertSkeleton: true },
  maxFileSize: 5_000_000,
  checkRepository: true,
};

export const SEVERITY_NAMES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

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
    checkRepository: typeof raw.checkRepository === 'boolean' ? raw.checkRepository : DEFAULT_SETTINGS.checkRepository,
  };
}

/**
 * Settings as a restricted (untrusted) workspace may have them. VS Code already ignores the
 * workspace's values of the settings the manifest lists as restricted (`archdoc.template`,
 * `archdoc.templates`, `archdoc.files`, `archdoc.maxFileSize`); the policy holds the one
 * that costs work to every client too, whether a setting or the config file sets it: a
 * document size limit can be lowered, never raised.
 */
export function restrictSettings<T extends { readonly maxFileSize: number }>(settings: T, trusted: boolean): T {
  if (trusted || settings.maxFileSize <= DEFAULT_SETTINGS.maxFileSize) return settings;
  return { ...settings, maxFileSize: DEFAULT_SETTINGS.maxFileSize };
}
