/** The template a command works from: the one named on the command line, else the bundled one. */
import type { Schema } from '../core/index.ts';
import { engine } from './engine.ts';
import { CliError } from './errors.ts';
import { readText } from './files.ts';

/** Templates larger than this are refused, as in the editor. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

export async function loadSchema(template: string | undefined, bundled: string): Promise<Schema> {
  const file = template ?? bundled;
  const read = await readText(file, MAX_TEMPLATE_BYTES);
  if ('error' in read) throw new CliError(`template ${read.error}`);
  const compiled = engine.compileTemplate(read.text);
  if (compiled.error !== undefined) throw new CliError(`template ${file}: ${compiled.error}`);
  return compiled.schema;
}
