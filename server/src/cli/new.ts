/** `archdoc new`: a document written from the template, never over an existing file unasked. */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Schema } from '../core/index.ts';
import { engine } from './engine.ts';
import { UsageError } from './errors.ts';
import { HELP_OPTION, type Io } from './io.ts';
import { createCliPolicy } from './project.ts';
import { loadSchema, projectSchema } from './templates.ts';
import { usage } from './usage.ts';
import { writeNew } from './write.ts';

export async function scaffold(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...HELP_OPTION,
      name: { type: 'string' },
      template: { type: 'string' },
      date: { type: 'string' },
      status: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out(usage('new'));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('new needs exactly one PATH', 'new');
  const target = positionals[0];
  if (target.trim() === '') throw new UsageError('new needs a PATH to write (got an empty one)', 'new');
  const date = values.date ?? io.today();
  if (!isCalendarDate(date)) throw new UsageError(`--date must be a real date written YYYY-MM-DD (got "${date}")`, 'new');
  const policy = await createCliPolicy(engine, io.bundledTemplates, process.cwd());
  const schema = values.template === undefined ? await projectSchema(policy, target) : await loadSchema(values.template, policy.registry);
  const status = values.status === undefined ? undefined : statusValue(schema, values.status);
  const name = values.name ?? path.basename(path.resolve(path.dirname(target)));
  const text = engine.render(schema, { name, date, status });
  await writeNew(target, text, values.force);
  io.err(`archdoc: wrote ${target}\n`);
  return 0;
}

/** `YYYY-MM-DD` naming a day that exists: `2025-13-45` and `2025-02-30` do not. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The `--status` value as the template spells it, when the template lists the Status values
 * (the bundled one: Draft, Active, Deprecated); any value when it lists none.
 */
function statusValue(schema: Schema, given: string): string {
  const field = schema.typedFields.find((f) => f.label.trim().toLowerCase() === 'status' && f.kind === 'enum');
  const values = field?.kind === 'enum' ? field.values : undefined;
  if (!values || values.length === 0) return given;
  const match = values.find((v) => v.toLowerCase() === given.trim().toLowerCase());
  if (match === undefined) throw new UsageError(`--status must be one of the template's values: ${values.join(', ')} (got "${given}")`, 'new');
  return match;
}
