/**
 * The policy's public surface: which documents are checked, against which template, with
 * which settings. The language server and the CLI (and later the browser build and the agent
 * tools) import from here only. Like the core, it does no I/O of its own: files are reached
 * through the `PolicyWorkspace` each host implements.
 */
export { Policy, type Decision, type PolicyDocument, type PolicyOptions, type SettingsOutcome, type TemplateSource } from './policy.ts';
export type { PolicyWorkspace, FileStat } from './workspace.ts';
export { readTextFile } from './workspace.ts';
export { TemplateRegistry, loadTemplateFolder, parseSidecar, DEFAULT_TEMPLATE_ID, type BundledTemplate } from './registry.ts';
export { TemplateLoader, resolveTemplate, describeRef, sameRef, MAX_TEMPLATE_BYTES, type TemplateOutcome, type TemplateRef } from './templates.ts';
export { CONFIG_NAMES, CONFIG_KEYS, parseConfig, describeConfigError, type ConfigFile, type ConfigError, type ConfigOutcome } from './config.ts';
export { isConfigFile } from './configFiles.ts';
export { chooseRepositoryRoot, findRepositoryRoot, type RepositoryRoot, type RootCandidates, type RootMarkers } from './repositoryRoot.ts';
export { mergeSettings, type EffectiveSettings } from './effective.ts';
export { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings.ts';
export { isMarkdown, selectedByPath, type ScopedGlob, type SelectionReason } from './selection.ts';
export { readMarkers, type DocumentMarkers } from './markers.ts';
export { matchesGlob } from './glob.ts';
export { basename, joinUri, normalizeUri, parentOf, pathOf, relativeTo } from './uri.ts';
