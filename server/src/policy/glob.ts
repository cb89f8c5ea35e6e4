/**
 * Glob matching for `files` and `templates` (settings and config file), against forward-slash
 * paths relative to a workspace folder. A pattern without a slash matches a file name at any
 * depth, as in `.gitignore`. picomatch does the matching: the same engine tinyglobby uses for
 * the CLI, so a glob means the same thing in the editor and in CI.
 */
import picomatch from 'picomatch';

/** Whether `relativePath` (forward slashes) matches `glob`. An invalid glob matches nothing. */
export function matchesGlob(glob: string, relativePath: string): boolean {
  try {
    return picomatch(glob, { dot: true, basename: !glob.includes('/'), nocase: typeof process !== 'undefined' && process.platform === 'win32' })(relativePath);
  } catch {
    return false;
  }
}
