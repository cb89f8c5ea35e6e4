/**
 * What the scaffold command accepts from the user, checked without touching the editor or
 * the disk: the project name, the target path typed relative to a folder, and where the
 * cursor should land in the rendered document. Kept free of `vscode` so unit tests run it.
 */

/** Longest project name accepted, in code points: a name, not a paragraph. */
export const MAX_NAME_LENGTH = 120;

/** The markdown file extensions a target may have. */
const MARKDOWN_EXTENSION = /\.(md|markdown)$/i;

/**
 * Why `name` cannot be used as a project name, or `undefined` when it can.
 *
 * Anything printable goes, quotes, brackets, `$`, slashes and any script included: the name
 * is inserted as text, never interpreted. What is refused would break the document's
 * structure (line breaks and other control or separator characters) or is not text at all
 * (unpaired UTF-16 surrogates).
 */
export function validateProjectName(name: string): string | undefined {
  if (name.trim().length === 0) return 'Enter the project name.';
  if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(name)) return 'The name cannot contain line breaks, tabs or other control characters.';
  if (/\p{Cs}/u.test(name)) return 'The name contains an invalid character.';
  if ([...name].length > MAX_NAME_LENGTH) return `Keep the name under ${MAX_NAME_LENGTH + 1} characters.`;
  return undefined;
}

/** A target path relative to the chosen folder, split into safe segments. */
export type TargetResolution =
  | { readonly ok: true; readonly segments: readonly string[]; readonly relativePath: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks a target typed by the user, e.g. `docs/ARCHITECTURE.md`, and splits it into path
 * segments that can only name something inside the folder. Both `/` and `\` separate
 * segments so that the answer is the same on every platform.
 *
 * Refused: empty paths, absolute paths (`/x`, `C:\x`, `\\server\x`), any `..` segment,
 * control characters, characters that Windows cannot store (`<>:"|?*`, which also keeps
 * NTFS alternate streams out), and files that are not markdown. Symbolic links are checked
 * later against the disk, since only the disk knows them.
 */
export function resolveTarget(target: string): TargetResolution {
  const trimmed = target.trim();
  if (trimmed.length === 0) return { ok: false, reason: 'Enter a file name such as ARCHITECTURE.md.' };
  if (/[\p{Cc}]/u.test(trimmed)) return { ok: false, reason: 'The path cannot contain control characters.' };
  if (/^[/\\]/.test(trimmed) || /^[a-z]:/i.test(trimmed) || trimmed.startsWith('~')) {
    return { ok: false, reason: 'Give a path relative to the folder, not an absolute one.' };
  }
  if (/[<>:"|?*]/.test(trimmed)) return { ok: false, reason: 'The path cannot contain < > : " | ? or *.' };
  const segments = trimmed.split(/[/\\]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return { ok: false, reason: 'The path cannot leave the folder (no "..").' };
  if (segments.some((segment) => /[. ]$/.test(segment))) {
    return { ok: false, reason: 'Path segments cannot end with a dot or a space.' };
  }
  const file = segments.at(-1);
  if (file === undefined || !MARKDOWN_EXTENSION.test(file) || /^\.(md|markdown)$/i.test(file)) {
    return { ok: false, reason: 'The target must be a markdown file, such as ARCHITECTURE.md.' };
  }
  return { ok: true, segments, relativePath: segments.join('/') };
}

/** A next free name for a target that already exists: `ARCHITECTURE.md` → `ARCHITECTURE-2.md`. */
export function suggestAlternative(relativePath: string, exists: (candidate: string) => boolean): string {
  const match = /^(.*?)(-\d+)?(\.(?:md|markdown))$/i.exec(relativePath);
  const stem = match?.[1] ?? relativePath;
  const extension = match?.[3] ?? '.md';
  for (let n = 2; n < 1000; n++) {
    const candidate = `${stem}-${n}${extension}`;
    if (!exists(candidate)) return candidate;
  }
  return `${stem}-${Date.now()}${extension}`;
}

/** Today's date as `YYYY-MM-DD` in the local time zone, which is what the author means by today. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A placeholder's place in a text, 0-based, in UTF-16 code units as editors count. */
export interface PlaceholderLocation {
  readonly line: number;
  readonly character: number;
  readonly length: number;
}

/**
 * A template placeholder token: `[Project Name]`, `[Date]`, `[A | B]` or `YYYY-MM-DD`.
 * Bracketed text holds a letter and at least two characters, so task boxes (`[ ]`, `[x]`)
 * and code such as `[...]` are not placeholders, and it is not a link: no `(`, `[` or `:`
 * right after it, no `]` (a second link label), `!` (an image) or `\` (an escape) before.
 */
export const PLACEHOLDER_PATTERN = /(?<![\]\\!])\[(?=[^[\]\n]*\p{L})([^\s[\]][^[\]\n]+)\](?![([:])|(?<![\w-])YYYY-MM-DD(?![\w-])/gu;

/**
 * Where the cursor should go in a freshly rendered document: the first placeholder left.
 * Inline code spans are skipped, because their brackets are example syntax. Fenced blocks
 * are searched, because a template's fences hold diagrams and schemas to be replaced
 * (`[ASCII diagram or link to diagram]`).
 */
export function firstPlaceholder(text: string): PlaceholderLocation | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  for (let line = 0; line < lines.length; line++) {
    const content = blankInlineCode(lines[line] ?? '');
    PLACEHOLDER_PATTERN.lastIndex = 0;
    const match = PLACEHOLDER_PATTERN.exec(content);
    if (match) return { line, character: match.index, length: match[0].length };
  }
  return undefined;
}

/** The line with every inline code span replaced by spaces of the same length. */
export function blankInlineCode(line: string): string {
  let result = '';
  let index = 0;
  while (index < line.length) {
    const open = /`+/g;
    open.lastIndex = index;
    const start = open.exec(line);
    if (!start) break;
    const fence = start[0];
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
    close.lastIndex = start.index + fence.length;
    const end = close.exec(line);
    if (!end) {
      // An unmatched backtick run is literal text; keep scanning after it.
      result += line.slice(index, start.index + fence.length);
      index = start.index + fence.length;
      continue;
    }
    const stop = end.index + fence.length;
    result += line.slice(index, start.index) + ' '.repeat(stop - start.index);
    index = stop;
  }
  return result + line.slice(index);
}
