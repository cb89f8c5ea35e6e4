/** `archdoc check`: documents against the template, reported in one of four formats; `--fix` fixes first. */
import { parseArgs } from 'node:util';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, type CheckSettings, type DiagnosticCode, type SeverityName } from '../core/index.ts';
import { engine } from './engine.ts';
import { UsageError } from './errors.ts';
import { DEFAULT_MAX_BYTES } from './files.ts';
import { fixFile } from './fix.ts';
import { formatGithub } from './github.ts';
import { HELP_OPTION, type Io } from './io.ts';
import { formatJson, formatText, sarifChunks, type FileResult } from './report.ts';
import { describeConfigError } from '../policy/index.ts';
import { candidates, createCliPolicy, decideFile } from './project.ts';
import { loadSchema, shownPath } from './templates.ts';
import { usage } from './usage.ts';
import { RepositoryChecks } from './repository.ts';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];
const LEVELS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

function parseSeverities(values: readonly string[]): CheckSettings {
  const severity: Partial<Record<DiagnosticCode, SeverityName>> = {};
  for (const v of values) {
    const parts = v.split('=');
    if (parts.length !== 2) throw new UsageError(`--severity takes CODE=LEVEL, with one "=" (got "${v}")`, 'check');
    const [code, level] = parts;
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) throw new UsageError(`--severity: unknown code "${code}"`, 'check');
    if (!LEVELS.includes(level)) {
      throw new UsageError(`--severity: level must be error, warning, information, hint or off (got "${level ?? ''}")`, 'check');
    }
    severity[code as DiagnosticCode] = level as SeverityName;
  }
  return { severity };
}

/** The report in pieces: SARIF logs can outgrow the longest string, so they come one result at a time. */
function format(results: readonly FileResult[], chosen: Format, io: Io): Iterable<string> {
  switch (chosen) {
    case 'json':
      return [formatJson(results)];
    case 'sarif':
      return sarifChunks(results, io.version);
    case 'github':
      return [formatGithub(results, process.cwd())];
    case 'text':
      return [formatText(results)];
  }
}

function isSerious(r: FileResult): boolean {
  return r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
}

export async function check(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...HELP_OPTION,
      template: { type: 'string' },
      format: { type: 'string', default: 'text' },
      severity: { type: 'string', multiple: true, default: [] },
      fix: { type: 'boolean', default: false },
      'max-size': { type: 'string' },
      'document-only': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out(usage('check'));
    return 0;
  }
  const chosen = values.format as Format;
  if (!FORMATS.includes(chosen)) throw new UsageError(`--format must be ${FORMATS.join(', ')} (got "${chosen}")`, 'check');
  if (positionals.length === 0) throw new UsageError('check needs at least one PATH', 'check');
  const maxSize = values['max-size'];
  // Digits only: Number() would also take `0x10`, `1e3` or ` 12 `, which nobody means as a byte count.
  if (maxSize !== undefined && !/^\d+$/.test(maxSize)) throw new UsageError(`--max-size must be a whole number of bytes (got "${maxSize}")`, 'check');
  const maxBytes = maxSize === undefined ? undefined : Number(maxSize);
  if (maxBytes !== undefined && (!Number.isSafeInteger(maxBytes) || maxBytes <= 0)) throw new UsageError('--max-size must be a positive number of bytes', 'check');
  const overrides = parseSeverities(values.severity);
  // The same policy as the editor's: config file, files globs, per-glob templates, markers, opt-outs.
  const policy = await createCliPolicy(engine, io.bundledTemplates, process.cwd(), maxBytes);
  // An explicit --template wins over everything the project says, for every document.
  const forced = values.template === undefined ? undefined : await loadSchema(values.template, policy.registry);
  const { files, errors } = await candidates(positionals);
  const results: FileResult[] = [];
  const notes: string[] = [];
  // Documents that said `archdoc: false`: left alone, and not "nothing found" either.
  const optedOut: string[] = [];
  const repository = values['document-only'] ? undefined : new RepositoryChecks(policy, io.err);
  for (const candidate of files) {
    const file = candidate.file;
    const outcome = await decideFile(policy, candidate, maxBytes ?? DEFAULT_MAX_BYTES);
    if (outcome === undefined) continue;
    if ('error' in outcome) {
      errors.push(outcome.error);
      continue;
    }
    const { decision, text } = outcome;
    if (decision.kind === 'config-error') {
      errors.push(`${describeConfigError(decision.error, shownPath(decision.error.uri))}: documents under it are not checked`);
      continue;
    }
    if (decision.kind === 'template-error') {
      errors.push(`${file}: ${decision.error}`);
      continue;
    }
    if (decision.kind === 'too-large') {
      errors.push(`${file}: ${decision.bytes} bytes is larger than the limit of ${decision.limit} bytes`);
      continue;
    }
    if (decision.kind === 'ignored' && decision.reason === 'opted-out') optedOut.push(file);
    if (decision.kind !== 'checked') continue;
    const loaded = forced ? { ok: true as const, schema: forced } : await policy.templates.load(decision.template, decision.folder);
    if (!loaded.ok) {
      errors.push(`${file}: ${loaded.error}`);
      continue;
    }
    const { schema } = loaded;
    // A file named on the command line goes by its name, unless it opted in itself.
    const settings: CheckSettings = { severity: { ...decision.settings.severity, ...overrides.severity }, selectedBy: decision.selectedBy };
    const facts = decision.settings.checkRepository ? await repository?.factsFor(file) : undefined;
    if (!values.fix) {
      results.push({ path: file, diagnostics: engine.check(engine.analyze(text, schema), settings, facts) });
      continue;
    }
    // --fix applies only fix-all's certain edits; the repository findings are reported, never fixed.
    const fixed = await fixFile(file, text, schema, settings, io.today());
    if ('error' in fixed) {
      errors.push(fixed.error);
      continue;
    }
    if (fixed.written) notes.push(`fixed ${fixed.fixed} problem${fixed.fixed === 1 ? '' : 's'} in ${file}`);
    const diagnostics = facts ? engine.check(engine.analyze(fixed.text, schema), settings, facts) : fixed.diagnostics;
    results.push({ path: file, diagnostics, fixed: fixed.fixed });
  }
  // A CI gate must never pass on nothing: operands that hold no architecture document are an error.
  for (const file of optedOut) notes.push(`${file} opted out (archdoc: false): not checked`);
  if (results.length === 0 && errors.length === 0 && optedOut.length === 0) {
    errors.push(`${positionals.join(', ')}: no architecture documents found (ARCHITECTURE.md, docs/architecture/**, the files globs of .archdoc.jsonc, or a file that opts in)`);
  }
  for (const piece of format(results, chosen, io)) io.out(piece);
  for (const note of notes) io.err(`archdoc: ${note}\n`);
  for (const e of new Set(errors)) io.err(`archdoc: ${e}\n`);
  if (errors.length) return 2;
  return results.some(isSerious) ? 1 : 0;
}
