/** `archdoc check`: documents against the template, reported in one of four formats; `--fix` fixes first. */
import { parseArgs } from 'node:util';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, type CheckSettings, type DiagnosticCode, type SeverityName } from '../core/index.ts';
import { engine } from './engine.ts';
import { UsageError } from './errors.ts';
import { DEFAULT_MAX_BYTES, expandOperands, readText } from './files.ts';
import { fixFile } from './fix.ts';
import { formatGithub } from './github.ts';
import { HELP_OPTION, type Io } from './io.ts';
import { formatJson, formatSarif, formatText, type FileResult } from './report.ts';
import { loadSchema } from './templates.ts';
import { usage } from './usage.ts';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];
const LEVELS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

function parseSeverities(values: readonly string[]): CheckSettings {
  const severity: Partial<Record<DiagnosticCode, SeverityName>> = {};
  for (const v of values) {
    const [code, level] = v.split('=');
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) throw new UsageError(`--severity: unknown code "${code}"`, 'check');
    if (!LEVELS.includes(level)) {
      throw new UsageError(`--severity: level must be error, warning, information, hint or off (got "${level ?? ''}")`, 'check');
    }
    severity[code as DiagnosticCode] = level as SeverityName;
  }
  return { severity };
}

function format(results: readonly FileResult[], chosen: Format, io: Io): string {
  switch (chosen) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, io.version);
    case 'github':
      return formatGithub(results, process.cwd());
    case 'text':
      return formatText(results);
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
    },
  });
  if (values.help) {
    io.out(usage('check'));
    return 0;
  }
  const chosen = values.format as Format;
  if (!FORMATS.includes(chosen)) throw new UsageError(`--format must be ${FORMATS.join(', ')} (got "${chosen}")`, 'check');
  if (positionals.length === 0) throw new UsageError('check needs at least one PATH', 'check');
  const maxBytes = values['max-size'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-size']);
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new UsageError('--max-size must be a positive number of bytes', 'check');
  const settings = parseSeverities(values.severity);
  const schema = await loadSchema(values.template, io.bundledTemplate);
  const { files, errors } = await expandOperands(positionals);
  const results: FileResult[] = [];
  const notes: string[] = [];
  for (const file of files) {
    const read = await readText(file, maxBytes);
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    if (!values.fix) {
      results.push({ path: file, diagnostics: engine.check(engine.analyze(read.text, schema), settings) });
      continue;
    }
    const fixed = await fixFile(file, read.text, schema, settings, io.today());
    if ('error' in fixed) {
      errors.push(fixed.error);
      continue;
    }
    if (fixed.written) notes.push(`fixed ${fixed.fixed} problem${fixed.fixed === 1 ? '' : 's'} in ${file}`);
    results.push({ path: file, diagnostics: fixed.diagnostics, fixed: fixed.fixed });
  }
  io.out(format(results, chosen, io));
  for (const note of notes) io.err(`archdoc: ${note}\n`);
  for (const e of errors) io.err(`archdoc: ${e}\n`);
  if (errors.length) return 2;
  return results.some(isSerious) ? 1 : 0;
}
