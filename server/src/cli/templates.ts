/**
 * The template a command works from: the one named on the command line (a bundled id or a
 * file), else the one the project's policy chooses for the document, as the editor would.
 */
import * as path from 'node:path';
import { readSidecar, sidecarName, type Schema } from '../core/index.ts';
import { describeConfigError, MAX_TEMPLATE_BYTES, type Policy, type TemplateRegistry } from '../policy/index.ts';
import { pathToUri, uriToPath } from '../node/workspace.ts';
import { engine } from './engine.ts';
import { CliError } from './errors.ts';
import { readText } from './files.ts';

/** The schema of `--template`: a bundled id, or a file read with the CLI's own refusals. */
export async function loadSchema(template: string, registry: TemplateRegistry): Promise<Schema> {
  const bundled = registry.get(template);
  if (bundled) {
    const compiled = engine.compileTemplate(bundled.text, { sidecar: bundled.sidecar });
    if (compiled.error !== undefined) throw new CliError(`template ${bundled.id}: ${compiled.error}`);
    return compiled.schema;
  }
  const read = await readText(template, MAX_TEMPLATE_BYTES);
  if ('error' in read) throw new CliError(`template ${read.error}`);
  // The template's sidecar (its aliases), beside it, is optional.
  const side = await readText(sidecarName(template), MAX_TEMPLATE_BYTES);
  const sidecar = 'error' in side ? undefined : readSidecar(side.text);
  if (sidecar?.error !== undefined) throw new CliError(`template ${sidecarName(template)}: ${sidecar.error}`);
  const compiled = engine.compileTemplate(read.text, { sidecar: sidecar?.sidecar });
  if (compiled.error !== undefined) throw new CliError(`template ${template}: ${compiled.error}`);
  return compiled.schema;
}

/** The template the project's settings choose for a new document at `target`, as New Architecture Doc does. */
export async function projectSchema(policy: Policy, target: string): Promise<Schema> {
  const uri = pathToUri(path.resolve(target));
  const outcome = await policy.settings(uri);
  if (!outcome.ok) throw new CliError(describeConfigError(outcome.error, shownPath(outcome.error.uri)));
  const chosen = policy.chooseTemplate(uri, outcome.settings, undefined);
  if ('error' in chosen) throw new CliError(chosen.error);
  const loaded = await policy.templates.load(chosen.ref, policy.folderOf(uri));
  if (!loaded.ok) throw new CliError(`template ${loaded.error}`);
  return loaded.schema;
}

/** A URI as the command line shows it: the path, relative to the working directory when below it. */
export function shownPath(uri: string): string {
  const file = uriToPath(uri) ?? uri;
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
