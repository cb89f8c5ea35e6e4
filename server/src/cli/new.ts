/** `archdoc new`: a document written from the template, never over an existing file unasked. */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
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
  const date = values.date ?? io.today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD (got "${date}")`, 'new');
  const policy = await createCliPolicy(engine, io.bundledTemplates, process.cwd());
  const schema = values.template === undefined ? await projectSchema(policy, target) : await loadSchema(values.template, policy.registry);
  const name = values.name ?? path.basename(path.resolve(path.dirname(target)));
  const text = engine.render(schema, { name, date, status: values.status });
  await writeNew(target, text, values.force);
  io.err(`archdoc: wrote ${target}\n`);
  return 0;
}
