/**
 * `archdoc`: the engine on the command line.
 *
 *   archdoc check [--template FILE] [--format text|json|sarif] [--severity CODE=LEVEL]... PATH...
 *   archdoc new PATH [--name NAME] [--template FILE] [--date YYYY-MM-DD] [--status VALUE] [--force]
 *
 * Exit codes: 0 nothing of severity warning or error; 1 something was; 2 bad usage, an
 * unreadable file or a broken template.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  createLanguageService,
  DIAGNOSTIC_CODES,
  type ArchdocLanguageService,
  type CheckSettings,
  type DiagnosticCode,
  type Schema,
  type SeverityName,
} from './core/index.ts';
import { DEFAULT_MAX_BYTES, readText, UsageError, writeNew } from './cli/files.ts';
import { candidates, createCliPolicy, decideFile } from './cli/project.ts';
import { bundledTemplateFolder } from './node/bundled.ts';
import { pathToUri, uriToPath } from './node/workspace.ts';
import { describeConfigError, MAX_TEMPLATE_BYTES, type Policy, type TemplateRegistry } from './policy/index.ts';
import { formatJson, formatSarif, formatText, type FileResult } from './cli/report.ts';

declare const __ARCHDOC_VERSION__: string | undefined;
const VERSION = typeof __ARCHDOC_VERSION__ === 'string' ? __ARCHDOC_VERSION__ : '0.0.0-dev';

const USAGE = `Usage:
  archdoc check [--template FILE] [--format text|json|sarif] [--severity CODE=LEVEL]... PATH...
  archdoc new PATH [--name NAME] [--template FILE] [--date YYYY-MM-DD] [--status VALUE] [--force]
  archdoc --version | --help

check  Checks architecture documents against the template. PATH is a file (checked whatever
       its name), a directory (its ARCHITECTURE.md files and docs/architecture/**/*.md) or a glob.
       Exit 0: no warning or error; 1: warnings or errors found; 2: bad usage or unreadable input.
new    Writes a new document from the template. Never replaces an existing file without --force.
`;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The folder of the bundled templates. */
  readonly bundledTemplates: string;
  readonly today: () => string;
}

const engine: ArchdocLanguageService = createLanguageService();

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.err : io.out)(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'check') return await check(rest, io);
    if (command === 'new') return await scaffold(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`archdoc: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`archdoc: ${(error as Error).message}\n`);
    return 2;
  }
}

/** The schema of `--template`: a bundled id, or a file read with the CLI's own refusals. */
async function loadSchema(template: string | undefined, registry: TemplateRegistry): Promise<Schema> {
  const bundled = registry.get(template ?? registry.defaultId);
  if (bundled) {
    const compiled = engine.compileTemplate(bundled.text, bundled.sidecar);
    if (compiled.error !== undefined) throw new Error(`template ${bundled.id}: ${compiled.error}`);
    return compiled.schema;
  }
  const file = template as string;
  const read = await readText(file, MAX_TEMPLATE_BYTES);
  if ('error' in read) throw new UsageError(`template ${read.error}`);
  const compiled = engine.compileTemplate(read.text);
  if (compiled.error !== undefined) throw new UsageError(`template ${file}: ${compiled.error}`);
  return compiled.schema;
}

function parseSeverities(values: readonly string[]): CheckSettings {
  const severity: Partial<Record<DiagnosticCode, SeverityName>> = {};
  for (const v of values) {
    const [code, level] = v.split('=');
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) throw new UsageError(`--severity: unknown code "${code}"`);
    if (!['error', 'warning', 'information', 'hint', 'off'].includes(level)) {
      throw new UsageError(`--severity: level must be error, warning, information, hint or off (got "${level ?? ''}")`);
    }
    severity[code as DiagnosticCode] = level as SeverityName;
  }
  return { severity };
}

async function check(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      template: { type: 'string' },
      format: { type: 'string', default: 'text' },
      severity: { type: 'string', multiple: true, default: [] },
      'max-size': { type: 'string' },
    },
  });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got "${format}")`);
  if (positionals.length === 0) throw new UsageError('check needs at least one PATH');
  const maxBytes = values['max-size'] === undefined ? undefined : Number(values['max-size']);
  if (maxBytes !== undefined && (!Number.isFinite(maxBytes) || maxBytes <= 0)) throw new UsageError('--max-size must be a positive number of bytes');
  const overrides = parseSeverities(values.severity as string[]);
  const policy = await createCliPolicy(engine, io.bundledTemplates, process.cwd(), maxBytes);
  // An explicit --template wins over everything the project says, for every document.
  const forced = values.template === undefined ? undefined : await loadSchema(values.template as string, policy.registry);
  const { files, errors } = await candidates(positionals);
  const results: FileResult[] = [];
  for (const candidate of files) {
    const outcome = await decideFile(policy, candidate, maxBytes ?? DEFAULT_MAX_BYTES);
    if (outcome === undefined) continue;
    if ('error' in outcome) {
      errors.push(outcome.error);
      continue;
    }
    const { decision, text } = outcome;
    if (decision.kind === 'config-error') {
      errors.push(`${describeConfigError(decision.error, shownPath(decision.error.uri))}: documents under it are not checked`);
    } else if (decision.kind === 'template-error') {
      errors.push(`${candidate.file}: ${decision.error}`);
    } else if (decision.kind === 'too-large') {
      errors.push(`${candidate.file}: ${decision.bytes} bytes is larger than the limit of ${decision.limit} bytes`);
    } else if (decision.kind === 'checked') {
      const loaded = forced ? { ok: true as const, schema: forced } : await policy.templates.load(decision.template, decision.folder);
      if (!loaded.ok) {
        errors.push(`${candidate.file}: ${loaded.error}`);
        continue;
      }
      const severity = { ...decision.settings.severity, ...overrides.severity };
      results.push({ path: candidate.file, diagnostics: engine.check(engine.analyze(text, loaded.schema), { severity }) });
    }
  }
  if (format === 'json') io.out(formatJson(results));
  else if (format === 'sarif') io.out(formatSarif(results, VERSION));
  else io.out(formatText(results));
  for (const e of new Set(errors)) io.err(`archdoc: ${e}\n`);
  if (errors.length) return 2;
  const serious = results.some((r) =>
    r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning),
  );
  return serious ? 1 : 0;
}

/** A URI as the command line shows it: the path, relative to the working directory when below it. */
function shownPath(uri: string): string {
  const file = uriToPath(uri) ?? uri;
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function scaffold(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      template: { type: 'string' },
      date: { type: 'string' },
      status: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('new needs exactly one PATH');
  const target = positionals[0];
  const date = (values.date as string | undefined) ?? io.today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD (got "${date}")`);
  const policy = await createCliPolicy(engine, io.bundledTemplates, process.cwd());
  const schema = values.template === undefined ? await projectSchema(policy, target) : await loadSchema(values.template as string, policy.registry);
  const name = (values.name as string | undefined) ?? path.basename(path.resolve(path.dirname(target)));
  const text = engine.render(schema, { name, date, status: values.status as string | undefined });
  await writeNew(target, text, values.force as boolean);
  io.err(`archdoc: wrote ${target}\n`);
  return 0;
}

/** The template the project's settings choose for a new document at `target`, as the editor's New Architecture Doc does. */
async function projectSchema(policy: Policy, target: string): Promise<Schema> {
  const uri = pathToUri(path.resolve(target));
  const outcome = await policy.settings(uri);
  if (!outcome.ok) throw new Error(describeConfigError(outcome.error, shownPath(outcome.error.uri)));
  const chosen = policy.chooseTemplate(uri, outcome.settings, undefined);
  if ('error' in chosen) throw new Error(chosen.error);
  const loaded = await policy.templates.load(chosen.ref, policy.folderOf(uri));
  if (!loaded.ok) throw new Error(`template ${loaded.error}`);
  return loaded.schema;
}

function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    bundledTemplates: bundledTemplateFolder(__dirname),
    today,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`archdoc: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
