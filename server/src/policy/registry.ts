/**
 * The bundled templates, addressed by id. Each is a pair of files in a template folder: the
 * markdown (`ARCHITECTURE.md`) and its sidecar (`ARCHITECTURE.json`), whose `id` names it.
 * Adding a bundled template is adding such a pair; nothing else names one.
 */
import { readSidecar, type TemplateSidecar } from '../core/index.ts';
import { readTextFile, type PolicyWorkspace } from './workspace.ts';
import { joinUri } from './uri.ts';

/** The template documents get when nothing names another. */
export const DEFAULT_TEMPLATE_ID = 'architecture';
const MAX_BUNDLED_BYTES = 1024 * 1024;

/** Ids are short lower-case words, so that a template reference can never be mistaken for one. */
const TEMPLATE_ID = /^[a-z][a-z0-9-]*$/;

export interface BundledTemplate {
  readonly id: string;
  readonly text: string;
  readonly sidecar: TemplateSidecar;
  /** Where the template's markdown lies, for editors that open it. */
  readonly uri?: string;
}

export class TemplateRegistry {
  private readonly byId = new Map<string, BundledTemplate>();

  constructor(
    templates: Iterable<BundledTemplate> = [],
    readonly defaultId: string = DEFAULT_TEMPLATE_ID,
  ) {
    for (const template of templates) this.register(template);
  }

  register(template: BundledTemplate): void {
    if (!TEMPLATE_ID.test(template.id)) throw new Error(`A bundled template id must be a lower-case word, not "${template.id}".`);
    this.byId.set(template.id, template);
  }

  get(id: string): BundledTemplate | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Every bundled template, the default first. */
  list(): BundledTemplate[] {
    const all = [...this.byId.values()];
    return [...all.filter((t) => t.id === this.defaultId), ...all.filter((t) => t.id !== this.defaultId)];
  }
}

export type SidecarOutcome = { readonly sidecar: TemplateSidecar } | { readonly error: string };

/** Reads a sidecar's text, by the core's one sidecar format; an error completes "NAME.json …". */
export function parseSidecar(text: string): SidecarOutcome {
  const read = readSidecar(text);
  return read.error !== undefined ? { error: read.error } : { sidecar: read.sidecar };
}

/**
 * The bundled templates of one folder: each `NAME.json` sidecar with an `id`, and the
 * `NAME.md` beside it. A pair that cannot be read is an error: it ships with the product.
 */
export async function loadTemplateFolder(workspace: PolicyWorkspace, folder: string): Promise<BundledTemplate[]> {
  const entries = await workspace.readDirectory(folder);
  const names = new Set(entries.filter(([, kind]) => kind === 'file').map(([name]) => name));
  const found: BundledTemplate[] = [];
  for (const name of [...names].sort()) {
    if (!name.endsWith('.json')) continue;
    const stem = name.slice(0, -'.json'.length);
    if (!names.has(`${stem}.md`)) continue;
    const sidecarText = await readTextFile(workspace, joinUri(folder, name), MAX_BUNDLED_BYTES);
    const sidecar = 'error' in sidecarText ? sidecarText : parseSidecar(sidecarText.text);
    if ('error' in sidecar) throw new Error(`Bundled template sidecar ${name} ${sidecar.error}`);
    if (sidecar.sidecar.id === undefined) continue;
    const uri = joinUri(folder, `${stem}.md`);
    const text = await readTextFile(workspace, uri, MAX_BUNDLED_BYTES);
    if ('error' in text) throw new Error(`Bundled template ${stem}.md ${text.error}`);
    found.push({ id: sidecar.sidecar.id, text: text.text, sidecar: sidecar.sidecar, uri });
  }
  return found;
}
