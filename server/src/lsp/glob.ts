/**
 * A small glob matcher for settings (`archdoc.files`, `archdoc.templates`): `**`, `*`, `?`,
 * `{a,b}` and `[abc]`, matched against forward-slash paths relative to a workspace folder.
 * A pattern without a slash matches a file name at any depth, as in `.gitignore`.
 */

function escapeChar(ch: string): string {
  return /[.+^$()|\\/]/.test(ch) ? '\\' + ch : ch;
}

function translate(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:[^/]*/)*' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
      } else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else if (ch === '{') {
      braces++;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (ch === ',' && braces > 0) {
      out += '|';
    } else {
      out += escapeChar(ch);
    }
  }
  return out + ')'.repeat(braces);
}

/** Compiles a glob; an unusable pattern matches nothing rather than throwing. */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (!pattern.includes('/')) pattern = '**/' + pattern;
  pattern = pattern.replace(/^\//, '');
  try {
    return new RegExp(`^${translate(pattern)}$`, process.platform === 'win32' ? 'i' : '');
  } catch {
    return /(?!)/;
  }
}

/** Whether `relativePath` (forward slashes) matches `glob`. */
export function matchesGlob(glob: string, relativePath: string): boolean {
  return globToRegExp(glob).test(relativePath);
}
