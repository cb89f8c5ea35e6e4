/**
 * The bundled templates on disk: `server/templates/` beside the bundle (`dist/../server/templates`)
 * or beside the sources.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { loadTemplateFolder, TemplateRegistry, type PolicyWorkspace } from '../policy/index.ts';
import { pathToUri } from './workspace.ts';

/** The folder holding the bundled templates, for a bundle or a source file in `dir`. */
export function bundledTemplateFolder(dir: string): string {
  const candidates = [path.join(dir, '..', 'server', 'templates'), path.join(dir, '..', 'templates'), path.join(dir, '..', '..', 'templates')];
  return candidates.find((folder) => existsSync(path.join(folder, 'ARCHITECTURE.md'))) ?? candidates[0];
}

/** The registry of every template in `folder`. */
export async function loadBundledTemplates(workspace: PolicyWorkspace, folder: string): Promise<TemplateRegistry> {
  return new TemplateRegistry(await loadTemplateFolder(workspace, pathToUri(folder)));
}
