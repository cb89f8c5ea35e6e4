/**
 * A template's sidecar: what a team knows about its template but can't write into it, kept in a
 * JSON file beside it (`ARCHITECTURE.md` → `ARCHITECTURE.aliases.json`). The bundled template
 * stays byte for byte the seed, so its aliases live there.
 *
 *   { "aliases": { "decision-log": ["Design Decisions", "Architecture Decisions"] } }
 *
 * Keys are section ids (`system-architecture/components`) or section titles (`Decision Log`).
 */

export interface TemplateSidecar {
  /** Other names of a section, by section id or title. */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
}

export type SidecarResult = { readonly sidecar: TemplateSidecar; readonly error?: undefined } | { readonly sidecar?: undefined; readonly error: string };

/** The sidecar's file name for a template file name: `ARCHITECTURE.md` → `ARCHITECTURE.aliases.json`. */
export function sidecarName(templateFile: string): string {
  return templateFile.replace(/\.(md|markdown)$/i, '') + '.aliases.json';
}

/** Reads a sidecar's text; a malformed one is an error to show, never a crash. */
export function readSidecar(text: string): SidecarResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `the aliases file is not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'the aliases file must hold a JSON object' };
  const raw = (value as { aliases?: unknown }).aliases ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: '"aliases" must map section ids or titles to lists of names' };
  const aliases: Record<string, string[]> = {};
  for (const [key, names] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return { error: `the aliases of "${key}" must be a list of names` };
    aliases[key] = names as string[];
  }
  return { sidecar: { aliases } };
}
