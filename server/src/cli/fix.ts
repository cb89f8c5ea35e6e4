/**
 * `archdoc check --fix`: each document gets the fixes fix-all applies in the editor, repeated
 * until nothing changes. A file is written only when its text changed, and only if nobody
 * changed it on disk while it was being fixed; other files are never touched, so their
 * modification times stay as they were.
 */
import type { CheckSettings, FixResult, Schema } from '../core/index.ts';
import { engine } from './engine.ts';
import { readText } from './files.ts';
import { replaceFile } from './write.ts';

export type FixOutcome = (FixResult & { readonly written: boolean }) | { readonly error: string };

export async function fixFile(file: string, text: string, schema: Schema, settings: CheckSettings, today: string): Promise<FixOutcome> {
  const result = engine.fix(text, schema, { today, severity: settings.severity, selectedBy: settings.selectedBy });
  if (result.text === text) return { ...result, written: false };
  // Another program (an editor saving) may have written the file since it was read; its text wins.
  const now = await readText(file, Number.POSITIVE_INFINITY);
  if ('error' in now) return { error: now.error };
  if (now.text !== text) return { error: `${file}: changed while it was being fixed; not written` };
  try {
    await replaceFile(file, result.text);
  } catch (error) {
    return { error: `${file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  return { ...result, written: true };
}
