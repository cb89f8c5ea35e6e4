/**
 * The editor's settings per document URI, read through `workspace/configuration` and cached
 * until the client says they changed. What they mean is the policy's business
 * (`server/src/policy/settings.ts`).
 */
import { normalizeSettings, type ServerSettings } from '../policy/index.ts';

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
  ) {
    this.pushed = normalizeSettings(initial);
  }

  get(uri: string): Promise<ServerSettings> {
    if (!this.source.pull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.source.fetch(uri).then(
        (value) => normalizeSettings(Array.isArray(value) ? value[0] : value),
        () => this.pushed,
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Forgets every cached value; `pushed` is the `archdoc` section from the notification, if any. */
  clear(pushed?: unknown): void {
    this.cache.clear();
    if (pushed !== undefined && pushed !== null) this.pushed = normalizeSettings(pushed);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
