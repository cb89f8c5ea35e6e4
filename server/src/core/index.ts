/**
 * The engine's public surface. Adapters (language server, CLI, tests) import from here only.
 */
export * from './types.ts';
export { compileTemplate, type CompileResult } from './template/compile.ts';
export { renderDocument, sectionSkeleton, type RenderOptions, type SkeletonOptions } from './template/render.ts';
export { parseDocument } from './parse/document.ts';
export { analyze } from './analyze.ts';
export { checkDocument, DEFAULT_SEVERITY, ruleHref } from './check.ts';
export { RULE_INFO } from './rules/index.ts';
export type { RuleInfo } from './rules/rule.ts';
export { isSectionEmpty } from './rules/emptySection.ts';
export { fixDocument, type FixDocumentOptions, type FixDocumentResult } from './fix.ts';
