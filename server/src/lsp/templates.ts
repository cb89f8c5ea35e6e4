/**
 * Which template applies to a document, and the schema compiled from it. Template files are
 * read once and kept until they change on disk; each distinct template text is compiled once.
 * In an untrusted workspace only templates inside the document's workspace folder are read.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ArchdocLanguageService, Schema } from '../core/index.ts';
import { matchesGlob } from './glob.ts';
import type { DocumentMarkers } from './markers.ts';
import type { ServerSettings } from './settings.ts';
import { isInside, relativePath } from './workspace.ts';

/** A template to use: `path` is absolute, or undefined for the bundled template. */
export interface TemplateRef {
  readonly path: string | undefined;
  /** How the template is named to the user: the path as configured, or `bundled`. */
  readonly label: string;
}

export type TemplateOutcome =
  | { readonly ok: true; readonly schema: Schema; readonly ref: TemplateRef }
  | { readonly ok: false; readonly error: string; readonly ref: TemplateRef };

export interface TemplateContext {
  readonly filePath: string | undefined;
  readonly folder: string | undefined;
  readonly markers: DocumentMarkers;
  readonly settings: ServerSettings;
}

/** Templates larger than this are refused: a template is a page of markdown, not a data file. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

function expandHome(configured: string): string {
  return configured === '~' || configured.startsWith('~/') ? path.join(os.homedir(), configured.slice(1)) : configured;
}

function ref(base: string | undefined, configured: string): TemplateRef {
  const expanded = expandHome(configured);
  const absolute = path.isAbsolute(expanded) || base === undefined ? path.resolve(expanded) : path.resolve(base, expanded);
  return { path: absolute, label: configured };
}

/**
 * The template for a document: its own marker first (relative to the document's folder), then
 * the first `archdoc.templates` glob that matches, then `archdoc.template`, then the bundled one.
 * Configured paths are relative to the workspace folder (or the document's folder outside one).
 */
export function chooseTemplate(context: TemplateContext): TemplateRef {
  const { filePath, folder, markers, settings } = context;
  const docDir = filePath === undefined ? undefined : path.dirname(filePath);
  if (markers.template !== undefined) return ref(docDir ?? folder, markers.template);
  const base = folder ?? docDir;
  if (filePath !== undefined) {
    const shown = folder ? relativePath(folder, filePath) : filePath.split(path.sep).join('/');
    for (const [glob, template] of Object.entries(settings.templates)) {
      if (matchesGlob(glob, shown)) return ref(base, template);
    }
  }
  if (settings.template !== '') return ref(base, settings.template);
  return { path: undefined, label: 'bundled' };
}

type TextOutcome = { readonly text: string } | { readonly error: string };

async function readTemplateFile(file: string): Promise<TextOutcome> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { error: `Template "${file}" is not a file.` };
    if (stat.size > MAX_TEMPLATE_BYTES) return { error: `Template "${file}" is larger than ${MAX_TEMPLATE_BYTES} bytes.` };
    const bytes = await fs.readFile(file);
    if (bytes.includes(0)) return { error: `Template "${file}" is not a text file.` };
    return { text: bytes.toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `Template "${file}" does not exist.` : `Template "${file}" cannot be read (${code ?? String(error)}).` };
  }
}

async function realPath(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return path.resolve(file);
  }
}

export interface TemplateStoreOptions {
  readonly bundledPath: string;
  /** Whether the workspace is trusted; untrusted workspaces only read templates inside their folder. */
  readonly trusted: boolean;
}

export class TemplateStore {
  private readonly texts = new Map<string, Promise<TextOutcome>>();
  constructor(
    private readonly engine: ArchdocLanguageService,
    private readonly options: TemplateStoreOptions,
  ) {}

  async load(template: TemplateRef, folder: string | undefined): Promise<TemplateOutcome> {
    const file = template.path ?? this.options.bundledPath;
    if (template.path !== undefined && !this.options.trusted) {
      const allowed = folder !== undefined && isInside(await realPath(folder), await realPath(file));
      if (!allowed) {
        return { ok: false, ref: template, error: `Template "${template.label}" lies outside the workspace folder and the workspace is not trusted.` };
      }
    }
    const read = await this.read(file);
    if ('error' in read) return { ok: false, ref: template, error: read.error };
    const result = this.compile(read.text);
    if ('error' in result) return { ok: false, ref: template, error: `Template "${template.label}" cannot be used: ${result.error}` };
    return { ok: true, ref: template, schema: result.schema };
  }

  /** Forgets the text of the given files; returns whether any of them was in use. */
  invalidate(files: readonly string[]): boolean {
    let used = false;
    for (const file of files) used = this.texts.delete(path.resolve(file)) || used;
    return used;
  }

  /** Paths of the template files read so far, the bundled one included. */
  files(): string[] {
    return [...this.texts.keys()];
  }

  private read(file: string): Promise<TextOutcome> {
    const key = path.resolve(file);
    let text = this.texts.get(key);
    if (!text) {
      text = readTemplateFile(key);
      this.texts.set(key, text);
    }
    return text;
  }

  private compile(text: string): { schema: Schema } | { error: string } {
    const result = this.engine.compileTemplate(text);
    return result.schema ? { schema: result.schema } : { error: result.error };
  }
}
