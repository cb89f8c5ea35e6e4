/**
 * The engine's public surface. Adapters (language server, CLI, benchmarks, tests) import from
 * here only, and call the engine through `createLanguageService()`; lint keeps them out of the
 * core's inner files.
 */
export * from './types.ts';
export { createLanguageService, type ArchdocLanguageService, type FixOptions, type FixResult } from './service.ts';
export type { CompileResult } from './template/compile.ts';
export type { RenderOptions, SkeletonOptions } from './template/render.ts';
export type { CompletionOptions } from './features/completion.ts';
export type { HoverOptions } from './features/hover.ts';
export type { CodeActionOptions } from './features/codeActions.ts';
export type { OutlineSummary } from './features/outline.ts';
export { FIX_ALL_KIND } from './features/codeActions.ts';
export { isoDate } from './features/shared.ts';
export { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens.ts';
export { sectionStates, describeState, type SectionState } from './sectionState.ts';
export { DEFAULT_SEVERITY, REPOSITORY_CODES, ruleHref } from './check.ts';
export { dependencyKey, type DependencyFact, type DocumentFacts, type DriftFacts, type RepositoryFacts } from './facts.ts';
export { RULE_INFO, type RuleInfo } from './rules/index.ts';
export { sectionMarker, type SectionMarkerKind } from './parse/sectionMarkers.ts';
export { decodeText, withoutBom, type DecodeOutcome } from './decode.ts';
export { readFrontMatterOf, type FrontMatter } from './parse/frontMatter.ts';
export { findingOf, missingOf, nodesOf, summaryOf, type Finding, type FindingSummary, type MissingSection, type SectionNodeShape } from './features/findings.ts';
export type { SectionGuide } from './features/sectionGuide.ts';
export { readSidecar, sidecarName, type SidecarResult } from './template/sidecar.ts';
