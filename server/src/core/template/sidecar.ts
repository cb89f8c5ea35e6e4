/**
 * A template's sidecar: what a team knows about its template but can't write into it, kept in
 * one JSON file beside it (`ARCHITECTURE.md` → `ARCHITECTURE.json`). The bundled template stays
 * byte for byte the seed, so what is specific to it lives there: its id and label, which
 * placeholders name the project, a new document's Status, and other names of its sections.
 *
 *   { "id": "architecture", "label": "Architecture document", "fileName": "ARCHITECTURE.md",
 *     "projectName": ["[Project Name]"], "newDocument": { "status": "Draft" },
 *     "aliases": { "decision-log": ["Design Decisions", "Architecture Decisions"] } }
 *
 * Every key is optional; generic code never guesses what the sidecar would say. Alias keys are
 * section ids (`system-architecture/components`) or section titles (`Decision Log`).
 */

export interface TemplateSidecar {
  /** Id of a bundled template (`architecture`). */
  readonly id?: string;
  /** How pickers name the template. */
  readonly label?: string;
  /** The file name a new document from this template usually gets. */
  readonly fileName?: string;
  /** Placeholders that stand for the project's name, filled when a new document is rendered. */
  readonly projectName?: readonly string[];
  /** Values a new document starts with. */
  readonly newDocument?: { readonly status?: string };
  /** Other names of a section, by section id or title. */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
}

export type SidecarResult = { readonly sidecar: TemplateSidecar; readonly error?: undefined } | { readonly sidecar?: undefined; readonly error: string };

/** The sidecar's file name for a template file name: `ARCHITECTURE.md` → `ARCHITECTURE.json`. */
export function sidecarName(templateFile: string): string {
  return templateFile.replace(/\.(md|markdown)$/i, '') + '.json';
}

function isNames(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((n) => typeof n === 'string');
}

/** Reads a sidecar's text; a malformed one is an error to show, never a crash. */
export function readSidecar(text: string): SidecarResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `is not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'must hold a JSON object' };
  const v = value as Record<string, unknown>;
  for (const key of ['id', 'label', 'fileName'] as const) {
    if (v[key] !== undefined && typeof v[key] !== 'string') return { error: `"${key}" must be a string` };
  }
  if (v.projectName !== undefined && !isNames(v.projectName)) return { error: '"projectName" must be a list of placeholders' };
  const status = (v.newDocument as Record<string, unknown> | undefined)?.status;
  if (v.newDocument !== undefined && (typeof v.newDocument !== 'object' || v.newDocument === null || (status !== undefined && typeof status !== 'string'))) {
    return { error: '"newDocument" must be an object whose "status" is a string' };
  }
  const raw = v.aliases ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: '"aliases" must map section ids or titles to lists of names' };
  const aliases: Record<string, string[]> = {};
  for (const [key, names] of Object.entries(raw as Record<string, unknown>)) {
    if (!isNames(names)) return { error: `the aliases of "${key}" must be a list of names` };
    aliases[key] = names;
  }
  return { sidecar: { ...(v as TemplateSidecar), aliases } };
}
