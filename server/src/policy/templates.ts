/**
 * Template references and the schemas they lead to. A reference is written as a string in
 * settings, the config file and front matter; `resolveTemplate` turns it into a
 * `TemplateRef` in one way for every caller (checker, picker, CLI): a bundled id names a
 * bundled template, anything else is a path (`~/` below the home folder, relative paths below
 * the folder the string was written for). The loader reads each file once until it changes,
 * with its sidecar, and in an untrusted workspace only inside the document's workspace folder.
 */
import type { ArchdocLanguageService, Schema, TemplateSidecar } from '../core/index.ts';
import type { TemplateRef } from '../protocol.ts';
import { parseSidecar, type TemplateRegistry } from './registry.ts';
import { isInside, parentOf, pathOf, resolvePath, basename, joinUri } from './uri.ts';
import { readTextFile, type PolicyWorkspace } from './workspace.ts';

export type { TemplateRef };

/** Templates larger than this are refused: a template is a page of markdown, not a data file. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Template texts kept: enough for every template a workspace uses, not one per path typed into a marker. */
const MAX_TEXTS = 32;

export type ResolvedRef = { readonly ref: TemplateRef } | { readonly error: string };

/** The reference a configured string stands for, relative to `base` (a folder URI). */
export function resolveTemplate(configured: string, base: string | undefined, registry: TemplateRegistry, home: string | undefined): ResolvedRef {
  const value = configured.trim();
  if (registry.has(value)) return { ref: { kind: 'bundled', id: value } };
  const uri = resolvePath(value, base, home);
  if (uri !== undefined) return { ref: { kind: 'file', uri } };
  const why = value.startsWith('~') ? 'there is no home folder here' : 'it is relative and the document has no folder';
  return { error: `Template "${value}" cannot be found: ${why}.` };
}

/** How a reference is shown to people: the bundled id, or the file's path. */
export function describeRef(ref: TemplateRef): string {
  return ref.kind === 'bundled' ? `bundled template "${ref.id}"` : pathOf(ref.uri);
}

export function sameRef(a: TemplateRef, b: TemplateRef): boolean {
  return a.kind === 'bundled' ? b.kind === 'bundled' && a.id === b.id : b.kind === 'file' && a.uri === b.uri;
}

export type TemplateOutcome =
  | { readonly ok: true; readonly schema: Schema; readonly ref: TemplateRef }
  | { readonly ok: false; readonly error: string; readonly ref: TemplateRef };

type TextOutcome = { readonly text: string; readonly sidecar: TemplateSidecar } | { readonly error: string };

export interface TemplateLoaderOptions {
  /** Whether the workspace is trusted; untrusted workspaces only read templates inside their folder. */
  readonly trusted: boolean;
}

export class TemplateLoader {
  private readonly texts = new Map<string, Promise<TextOutcome>>();

  constructor(
    private readonly workspace: PolicyWorkspace,
    private readonly registry: TemplateRegistry,
    private readonly engine: ArchdocLanguageService,
    private readonly options: TemplateLoaderOptions,
  ) {}

  get trusted(): boolean {
    return this.options.trusted;
  }

  /** The schema of `ref`, for a document in `folder` (its workspace folder, if any). */
  async load(ref: TemplateRef, folder: string | undefined): Promise<TemplateOutcome> {
    if (ref.kind === 'bundled') {
      const bundled = this.registry.get(ref.id);
      if (!bundled) return { ok: false, ref, error: `There is no bundled template "${ref.id}".` };
      return this.compile(ref, bundled.text, bundled.sidecar);
    }
    if (!this.options.trusted && !(await this.inside(folder, ref.uri))) {
      return { ok: false, ref, error: `Template "${pathOf(ref.uri)}" lies outside the workspace folder and the workspace is not trusted.` };
    }
    const read = await this.read(ref.uri);
    if ('error' in read) return { ok: false, ref, error: read.error };
    return this.compile(ref, read.text, read.sidecar);
  }

  /** Forgets the text of the given files (templates or sidecars); returns whether any was in use. */
  invalidate(uris: readonly string[]): boolean {
    let used = false;
    for (const uri of uris) {
      const template = uri.endsWith('.json') ? uri.slice(0, -'.json'.length) + '.md' : uri;
      used = this.texts.delete(template) || used;
    }
    return used;
  }

  /** URIs of the template files read so far. */
  files(): string[] {
    return [...this.texts.keys()];
  }

  private compile(ref: TemplateRef, text: string, sidecar: TemplateSidecar): TemplateOutcome {
    const result = this.engine.compileTemplate(text, { sidecar });
    if (result.error !== undefined) return { ok: false, ref, error: `Template "${describeRef(ref)}" cannot be used: ${result.error}` };
    return { ok: true, ref, schema: result.schema };
  }

  private async inside(folder: string | undefined, uri: string): Promise<boolean> {
    if (folder === undefined) return false;
    const real = this.workspace.realUri?.bind(this.workspace) ?? ((u: string) => Promise.resolve(u));
    return isInside(await real(folder), await real(uri));
  }

  private read(uri: string): Promise<TextOutcome> {
    let text = this.texts.get(uri);
    if (!text) {
      text = this.readFile(uri);
      if (this.texts.size >= MAX_TEXTS) this.texts.delete(this.texts.keys().next().value as string);
      this.texts.set(uri, text);
    }
    return text;
  }

  private async readFile(uri: string): Promise<TextOutcome> {
    const shown = pathOf(uri);
    const read = await readTextFile(this.workspace, uri, MAX_TEMPLATE_BYTES);
    if ('error' in read) return { error: `Template "${shown}" ${read.error}.` };
    const { text } = read;
    const sidecar = await this.sidecarOf(uri);
    if ('error' in sidecar) return { error: `Template "${shown}": its sidecar ${sidecar.error}` };
    return { text, sidecar: sidecar.sidecar };
  }

  /** `NAME.json` beside `NAME.md`, when there is one. */
  private async sidecarOf(uri: string): Promise<{ sidecar: TemplateSidecar } | { error: string }> {
    const name = basename(uri);
    const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
    const sidecarUri = joinUri(parentOf(uri), `${stem}.json`);
    const stat = await this.workspace.stat(sidecarUri);
    if (stat?.kind !== 'file' || stat.size > MAX_TEMPLATE_BYTES) return { sidecar: {} };
    const read = await readTextFile(this.workspace, sidecarUri, MAX_TEMPLATE_BYTES);
    if ('error' in read) return { error: `${stem}.json ${read.error}` };
    const parsed = parseSidecar(read.text);
    return 'error' in parsed ? { error: `${stem}.json ${parsed.error}` } : parsed;
  }
}
