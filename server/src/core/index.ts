/**
 * The engine's public surface. Adapters (language server, CLI, tests) import from here only.
 */
export * from './types.ts';
export { compileTemplate, type CompileOptions, type CompileResult } from './template/compile.ts';
export { readSidecar, sidecarName, type SidecarResult, type TemplateSidecar } from './template/sidecar.ts';
export { renderDocument, sectionSkeleton, type RenderOptions, type SkeletonOptions } from './template/render.ts';
export { parseDocument } from './parse/document.ts';
export { analyze } from './analyze.ts';
export { checkDocument, DEFAULT_SEVERITY } from './check.ts';
export { isSectionEmpty } from './rules/emptySection.ts';
