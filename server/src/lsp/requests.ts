/**
 * The custom requests (`archdoc/outline`, `archdoc/render`, `archdoc/templates`), answered
 * from the same state and policy as every other feature: the picker lists, and the renderer
 * uses, the templates the checker would use.
 */
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { normalizeUri } from '../policy/index.ts';
import type { OutlineResult, RenderParams, RenderResult, TemplatesResult } from '../protocol.ts';
import type { ArchdocService } from './service.ts';

/** The template-aware outline; null for documents that are not architecture documents. */
export async function outlineOf(service: ArchdocService, uri: string): Promise<OutlineResult | null> {
  const state = await service.state(uri);
  if (!state) return null;
  const empty = { uri, version: state.version, nodes: [], sectionsPresent: 0, sectionsRequired: 0, placeholders: 0 };
  switch (state.kind) {
    case 'ready':
      return { uri, version: state.version, template: state.template, ...service.engine.outline(state.analysis) };
    case 'template-error':
      return { ...empty, template: state.template ?? null, error: state.error };
    case 'config-error':
      return { ...empty, template: null, error: `ArchDoc cannot use ${state.error.uri}: ${state.error.message}` };
    case 'too-large':
      return { ...empty, template: null, error: `The document is larger than archdoc.maxFileSize (${state.limit} bytes).` };
    case 'ignored':
      return null;
  }
}

/** A new document from the template that would apply to `uri` (which need not exist yet). */
export async function render(service: ArchdocService, params: RenderParams): Promise<RenderResult | ResponseError<void>> {
  const { policy } = service;
  const uri = normalizeUri(params.uri);
  let template = params.template;
  if (template === undefined) {
    const outcome = await policy.settings(uri);
    if (!outcome.ok) return new ResponseError(ErrorCodes.InvalidRequest, `ArchDoc cannot use ${outcome.error.uri}: ${outcome.error.message}`);
    const chosen = policy.chooseTemplate(uri, outcome.settings, undefined);
    if ('error' in chosen) return new ResponseError(ErrorCodes.InvalidRequest, chosen.error);
    template = chosen.ref;
  }
  const loaded = await policy.templates.load(template, policy.folderOf(uri));
  if (!loaded.ok) return new ResponseError(ErrorCodes.InvalidRequest, loaded.error);
  const text = service.engine.render(loaded.schema, { name: params.name, date: params.date ?? service.today(), status: params.status });
  return { text, template };
}

/** The bundled templates and every template the settings for `uri` name. */
export async function templates(service: ArchdocService, uri: string): Promise<TemplatesResult> {
  return { templates: await service.policy.templatesFor(uri) };
}
