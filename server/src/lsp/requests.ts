/**
 * The custom requests (`archdoc/outline`, `archdoc/render`, `archdoc/templates`), answered
 * from the same state and policy as every other feature: the picker lists, and the renderer
 * uses, the templates the checker would use.
 */
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { findingOf, nodesOf, summaryOf } from '../core/index.ts';
import { normalizeUri } from '../policy/index.ts';
import type { CheckResult, OutlineResult, RenderParams, RenderResult, SectionParams, SectionResult, TemplateRef, TemplatesResult } from '../protocol.ts';
import type { ArchdocService } from './service.ts';

/** The template-aware outline; null for documents that are not architecture documents. */
export async function outlineOf(service: ArchdocService, uri: string): Promise<OutlineResult | null> {
  const state = await service.state(uri);
  if (!state) return null;
  const empty = { uri, version: state.version, nodes: [], sectionsWritten: 0, sectionsRequired: 0, placeholders: 0 };
  switch (state.kind) {
    case 'ready': {
      return { uri, version: state.version, template: state.template, ...service.engine.outline(state.analysis, service.diagnosticsOf(state, uri)) };
    }
    case 'template-error':
      return { ...empty, template: state.template ?? null, error: state.error };
    case 'config-error':
      return { ...empty, template: null, error: `ArchDoc cannot use ${state.error.uri}: ${state.error.message}` };
    case 'too-large':
      return { ...empty, template: null, error: `The document is larger than archdoc.maxFileSize (${state.limit} bytes).` };
    case 'template-ignored':
      return { ...empty, template: null, ignoredTemplate: state.template, error: ignoredMessage(state.template) };
    case 'ignored':
      return null;
  }
}

/** Why a document whose workspace template restricted mode ignores is not checked. */
function ignoredMessage(template: string): string {
  return `Restricted Mode ignores the template this workspace sets (${template}), so the document is not checked against another one. Trust the workspace to check it.`;
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
  // A document saved under a name that is not recognised by itself (or not saved yet) carries
  // the opt-in marker, so it stays an architecture document wherever it is saved.
  if (recognisedByName(uri)) return { text, template, marked: false };
  return { text: `${OPT_IN_MARKER}\n${text}`, template, marked: true };
}

/** The opt-in marker written into new documents whose name alone would not make them architecture documents. */
export const OPT_IN_MARKER = '<!-- archdoc -->';

/** Names checked whatever the content: `ARCHITECTURE.md` in any case, markdown under `docs/architecture/`. */
function recognisedByName(uri: string): boolean {
  const path = decodeURIComponent(uri.replace(/^[a-z-]+:\/*/i, '/'));
  return /(^|\/)architecture\.md$/i.test(path) || /\/docs\/architecture\/[^/]+\.(md|markdown)$/i.test(path);
}

/** The bundled templates and every template the settings for `uri` name. */
export async function templates(service: ArchdocService, uri: string): Promise<TemplatesResult> {
  return { templates: await service.policy.templatesFor(uri) };
}

/** An open document's findings (repository checks included) and section states; a document that is not checked says why. */
export async function checkOf(service: ArchdocService, uri: string): Promise<CheckResult> {
  // The findings are complete: the repository facts gathered on open or save are waited for.
  await service.factsSettled(uri);
  const state = await service.state(uri);
  const none = { uri, findings: [], summary: summaryOf([]), sections: [] };
  if (!state) return { ...none, checked: false, template: null, reason: 'The document is not open.' };
  switch (state.kind) {
    case 'ready': {
      const findings = service.diagnosticsOf(state, uri).map(findingOf);
      return { uri, checked: true, template: state.template, findings, summary: summaryOf(findings), sections: nodesOf(service.engine.outline(state.analysis, service.diagnosticsOf(state, uri)).nodes) };
    }
    case 'template-error': {
      const findings = service.diagnosticsOf(state, uri).map(findingOf);
      return { ...none, findings, summary: summaryOf(findings), checked: true, template: state.template ?? null, reason: state.error };
    }
    case 'config-error': {
      const findings = service.diagnosticsOf(state, uri).map(findingOf);
      return { ...none, findings, summary: summaryOf(findings), checked: false, template: null, reason: `ArchDoc cannot use ${state.error.uri}: ${state.error.message}` };
    }
    case 'too-large':
      return { ...none, checked: false, template: null, reason: `The document is larger than archdoc.maxFileSize (${state.limit} bytes).` };
    case 'template-ignored':
      return { ...none, checked: false, template: null, reason: ignoredMessage(state.template) };
    case 'ignored':
      return { ...none, checked: false, template: null, reason: 'This file is not an architecture document (see "Which documents are checked" in the README).' };
  }
}

/** One section's guidance and skeleton from the template that applies to `uri` (the default template without one). */
export async function sectionOf(service: ArchdocService, params: SectionParams): Promise<SectionResult> {
  const { policy } = service;
  let template: TemplateRef = { kind: 'bundled', id: policy.registry.defaultId };
  if (params.uri !== undefined) {
    const uri = normalizeUri(params.uri);
    const outcome = await policy.settings(uri);
    if (!outcome.ok) return { error: `ArchDoc cannot use ${outcome.error.uri}: ${outcome.error.message}` };
    const chosen = policy.chooseTemplate(uri, outcome.settings, undefined);
    if ('error' in chosen) return { error: chosen.error };
    template = chosen.ref;
  }
  const outcome = await policy.templates.load(template, params.uri === undefined ? undefined : policy.folderOf(normalizeUri(params.uri)));
  if (!outcome.ok) return { error: outcome.error };
  const guide = service.engine.sectionGuide(outcome.schema, params.section, service.today());
  if (!guide) return { error: `No section "${params.section}" in the template; its sections are: ${service.engine.sectionTitles(outcome.schema).join(', ')}.` };
  return { ...guide, template };
}
