/**
 * The project's config file, `.archdoc.jsonc` (or `.archdoc.json`): the settings' keys without
 * the `archdoc.` prefix, with paths and globs relative to the file's folder. It is what CI sees,
 * so a file that cannot be understood is an error with a place, never silently a default.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { DIAGNOSTIC_CODES, type DiagnosticCode, type SeverityName } from '../core/index.ts';
import { SEVERITY_NAMES } from './settings.ts';
import { parentOf } from './uri.ts';

/** The names a config file may have, the first preferred when a folder holds both. */
export const CONFIG_NAMES = ['.archdoc.jsonc', '.archdoc.json'] as const;

/**
 * Keys a config file may set: the settings under `archdoc.`, and `ignore`, which only the
 * repository itself can say (the paths its repository checks leave out).
 */
export const CONFIG_KEYS = ['$schema', 'files', 'template', 'templates', 'severity', 'completion', 'maxFileSize', 'checkRepository', 'ignore'] as const;

/** A config file as read: only the keys it sets are present. */
export interface ConfigFile {
  readonly uri: string;
  /** The folder its paths and globs are relative to. */
  readonly folder: string;
  readonly files?: readonly string[];
  readonly template?: string;
  readonly templates?: Readonly<Record<string, string>>;
  readonly severity?: Partial<Record<DiagnosticCode, SeverityName>>;
  readonly completion?: { readonly insertSkeleton?: boolean };
  readonly maxFileSize?: number;
  readonly checkRepository?: boolean;
  /** Paths the repository checks leave out (scan and undocumented-path), in .gitignore syntax, relative to the file's folder. */
  readonly ignore?: readonly string[];
}

/** Why a config file cannot be used, and where (0-based line and character). */
export interface ConfigError {
  readonly uri: string;
  readonly message: string;
  readonly line: number;
  readonly character: number;
}

export type ConfigOutcome = { readonly ok: true; readonly config: ConfigFile } | { readonly ok: false; readonly error: ConfigError };

class Invalid extends Error {
  constructor(
    message: string,
    readonly node: Node | undefined,
  ) {
    super(message);
  }
}

function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

function stringArray(node: Node, key: string): string[] {
  if (node.type !== 'array') throw new Invalid(`"${key}" must be a list of glob patterns`, node);
  return (node.children ?? []).map((child) => {
    if (child.type !== 'string' || child.value === '') throw new Invalid(`"${key}" must hold non-empty strings`, child);
    return child.value as string;
  });
}

/** `ignore`: .gitignore lines; a pattern that can never match anything (`!`, `#x`, blank) is refused rather than silently dropped. */
function ignoreList(node: Node): string[] {
  if (node.type !== 'array') throw new Invalid('"ignore" must be a list of paths in .gitignore syntax, such as "generated/"', node);
  return (node.children ?? []).map((child) => {
    const value = child.value;
    if (child.type !== 'string' || typeof value !== 'string' || value.trim() === '') throw new Invalid('"ignore" must hold non-empty strings in .gitignore syntax', child);
    if (/[\r\n]/.test(value)) throw new Invalid('"ignore" entries are one pattern each, without line breaks', child);
    if (value.startsWith('#') || value.trim() === '!') throw new Invalid(`"ignore": "${value}" is not a pattern (a .gitignore comment or a bare "!")`, child);
    return value;
  });
}

function stringMap(node: Node, key: string): Record<string, string> {
  if (node.type !== 'object') throw new Invalid(`"${key}" must map glob patterns to templates`, node);
  const out: Record<string, string> = {};
  for (const property of node.children ?? []) {
    const [name, value] = property.children ?? [];
    if (value?.type !== 'string' || (value.value as string).trim() === '') throw new Invalid(`"${key}" values must be template references`, value ?? property);
    out[name.value as string] = (value.value as string).trim();
  }
  return out;
}

function severities(node: Node): Partial<Record<DiagnosticCode, SeverityName>> {
  if (node.type !== 'object') throw new Invalid('"severity" must map diagnostic codes to levels', node);
  const out: Partial<Record<DiagnosticCode, SeverityName>> = {};
  for (const property of node.children ?? []) {
    const [name, value] = property.children ?? [];
    const code = name.value as string;
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) throw new Invalid(`"severity": unknown diagnostic code "${code}"`, name);
    if (value?.type !== 'string' || !SEVERITY_NAMES.has(value.value as string)) {
      throw new Invalid(`"severity.${code}" must be error, warning, information, hint or off`, value ?? property);
    }
    out[code as DiagnosticCode] = value.value as SeverityName;
  }
  return out;
}

function read(root: Node, uri: string): ConfigFile {
  if (root.type !== 'object') throw new Invalid('the file must hold one JSON object', root);
  const config: { -readonly [K in keyof ConfigFile]: ConfigFile[K] } = { uri, folder: parentOf(uri) };
  for (const property of root.children ?? []) {
    const [name, value] = property.children ?? [];
    const key = name.value as string;
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) throw new Invalid(`unknown key "${key}" (known: ${CONFIG_KEYS.slice(1).join(', ')})`, name);
    if (value === undefined) throw new Invalid(`"${key}" has no value`, property);
    switch (key) {
      case 'files':
        config.files = stringArray(value, key);
        break;
      case 'template':
        if (value.type !== 'string') throw new Invalid('"template" must be a template reference (a bundled id or a path)', value);
        config.template = (value.value as string).trim();
        break;
      case 'templates':
        config.templates = stringMap(value, key);
        break;
      case 'severity':
        config.severity = severities(value);
        break;
      case 'completion': {
        const skeleton = findNodeAtLocation(value, ['insertSkeleton']);
        if (value.type !== 'object' || (value.children ?? []).length !== (skeleton ? 1 : 0)) throw new Invalid('"completion" may only set "insertSkeleton"', value);
        if (skeleton && skeleton.type !== 'boolean') throw new Invalid('"completion.insertSkeleton" must be true or false', skeleton);
        config.completion = skeleton ? { insertSkeleton: skeleton.value as boolean } : {};
        break;
      }
      case 'maxFileSize':
        if (value.type !== 'number' || !((value.value as number) > 0)) throw new Invalid('"maxFileSize" must be a positive number of bytes', value);
        config.maxFileSize = value.value as number;
        break;
      case 'ignore':
        config.ignore = ignoreList(value);
        break;
      case 'checkRepository':
        if (value.type !== 'boolean') throw new Invalid('"checkRepository" must be true or false', value);
        config.checkRepository = value.value as boolean;
        break;
    }
  }
  return config;
}

/** Reads a config file's text. Comments and trailing commas are allowed, as in VS Code's own settings. */
export function parseConfig(text: string, uri: string): ConfigOutcome {
  if (text.trim() === '') return { ok: false, error: { uri, message: 'the file is empty; it must hold one JSON object', line: 0, character: 0 } };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const fail = (message: string, offset: number): ConfigOutcome => ({ ok: false, error: { uri, message, ...position(text, offset) } });
  if (errors.length > 0) return fail(`not valid JSON: ${printParseErrorCode(errors[0].error)}`, errors[0].offset);
  if (root === undefined) return fail('the file is empty; it must hold one JSON object', 0);
  try {
    return { ok: true, config: read(root, uri) };
  } catch (error) {
    if (error instanceof Invalid) return fail(error.message, error.node?.offset ?? 0);
    throw error;
  }
}

/** A config error as one line: `path:line:column: message`. */
export function describeConfigError(error: ConfigError, shown = error.uri): string {
  return `${shown}:${error.line + 1}:${error.character + 1}: ${error.message}`;
}
