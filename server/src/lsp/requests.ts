/**
 * The custom requests (`archdoc/outline`, `archdoc/render`, `archdoc/templates`), answered
 * from the same state and template store as every other feature.
 */
import * as path from 'node:path';
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import type { OutlineResult, RenderParams, RenderResult, TemplateInfo, TemplatesResult } from '../protocol.ts';
import type { ArchdocService } from './service.ts';
import { chooseTemplate, type TemplateRef } from './templates.ts';
import { uriToPath } from './workspace.ts';

function templateName(templatePath: string | undefined): string {
  return templatePath ?? 'bundled';
}

/** The template-aware outline; null for documents that are not architecture documents. */
export async function outlineOf(service: ArchdocService, uri: string): Promise<OutlineResult | null> {
  const state = await service.state(uri);
  if (!state) return null;
  const empty = { uri, version: state.version, nodes: [], sectionsPresent: 0, sectionsRequired: 0, placeholders: 0 };
  switch (state.kind) {
    case 'ready':
      return { uri, version: state.version, template: templateName(state.template.path), ...service.engine.outline(state.analysis) };
    case 'template-error':
      return { ...empty, template: templateName(state.template.path), error: state.error };
    case 'too-large':
      return { ...empty, template: '', error: `The document is larger than archdoc.maxFileSize (${state.limit} bytes).` };
    case 'ignored':
      return null;
  }
}

/** A new document from the template that would apply to `uri` (which need not exist yet). */
export async function render(service: ArchdocService, params: RenderParams): Promise<RenderResult | ResponseError<void>> {
  const settings = await service.settings.get(params.uri);
  const filePath = uriToPath(params.uri);
  const folder = filePath === undefined ? undefined : service.folders.folderOf(filePath);
  const template: TemplateRef =
    params.template === 'bundled'
      ? { path: undefined, label: 'bundled' }
      : params.template
        ? { path: path.resolve(params.template), label: params.template }
        : chooseTemplate({ filePath, folder, settings, markers: { optIn: true, template: undefined } });
  const outcome = await service.templates.load(template, folder);
  if (!outcome.ok) return new ResponseError(ErrorCodes.InvalidRequest, outcome.error);
  const text = service.engine.render(outcome.schema, { name: params.name, date: params.date ?? service.today(), status: params.status });
  return { text, template: templateName(template.path) };
}

/** The bundled template and every template the settings for `uri` name. */
export async function templates(service: ArchdocService, uri: string): Promise<TemplatesResult> {
  const settings = await service.settings.get(uri);
  const filePath = uriToPath(uri);
  const folder = filePath === undefined ? undefined : (service.folders.folderOf(filePath) ?? path.dirname(filePath));
  const list: TemplateInfo[] = [{ label: 'Bundled template', path: 'bundled' }];
  const configured = [settings.template, ...Object.values(settings.templates)].filter((t) => t !== '');
  for (const label of new Set(configured)) {
    list.push({ label, path: folder === undefined ? path.resolve(label) : path.resolve(folder, label) });
  }
  return { templates: list };
}
