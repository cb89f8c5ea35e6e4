/**
 * The Code Organization tree: the first fenced block of that section that reads as a tree (a
 * flow diagram drawn with arrows does not), in glyph style
 * (`├── src/`, `│   └── a.ts`, or ASCII `|--`) or indented style, read into entries with the
 * repository path each one names. `# comments`, descriptions after the name, `…`/`...` (the folders
 * an elision's note names count as listed) and
 * pure glyph lines are ignored; a first line naming the repository itself (or `.`) is the root,
 * unless it reads better as the folder of the same name.
 */
import type { Analysis } from '../../types.ts';
import type { RepositoryFacts } from '../../facts.ts';
import { sectionsTitled } from './sections.ts';
import { gitIgnored } from './gitignores.ts';

export interface TreeEntry {
  readonly line: number;
  /** The path relative to the repository root, `/`-separated, without a trailing slash. */
  readonly path: string;
  /** The name as written, e.g. `controllers/` or `server/src/core/`. */
  readonly name: string;
  readonly nameStart: number;
  /** The text before the name: indentation and glyphs. */
  readonly prefix: string;
  /** Column of the `├`/`└` glyph, or -1 in indented style. */
  readonly glyphColumn: number;
  /** Index of the enclosing entry, or -1 at the top (or under the root line). */
  readonly parent: number;
  /** One past the index of the last entry in this entry's subtree. */
  end: number;
  /** Written with a trailing `/`, or has entries under it. */
  dir: boolean;
  /** The line is the template's own example, left in place: it shapes the tree but is not checked. */
  readonly template: boolean;
  /** A pattern or an example (`*.ts`, `<service>/`, `e.g.`): shapes the tree but is not checked. */
  readonly unchecked: boolean;
}

export interface CodeTree {
  /** The opening fence's line. */
  readonly fenceLine: number;
  /** The closing fence's line (or the section's end when the fence is never closed). */
  readonly closeLine: number;
  /** The line naming the repository itself, when the tree starts with one. */
  readonly rootLine: number | undefined;
  readonly entries: readonly TreeEntry[];
  /**
   * Folders an elision's note names, by the folder the elision is in (`''` for the top):
   * `└── ...  # ortho/, detection/` under `image_processing/` names those two as its contents.
   */
  readonly noted: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Whether the tree is of one folder rather than the repository: its first line names the
   * repository and is read as the folder of that name, so what lies beside that folder is not its subject.
   */
  readonly ofFolder: boolean;
}

const TREE_INFO = new Set(['', 'text', 'txt', 'tree', 'plaintext', 'plain', 'ascii', 'none']);
/** Names that stand for more than one path, or for none: globs, placeholders, elisions. */
const PATTERN = /[*?<>{}[\]$…]|\.\.\.|^e\.g\.?$/;
/** A tree line whose name is an ellipsis: group 1 is the glyphs and indentation before it, group 2 what follows. */
const ELLIPSIS = /^([\s│|├└+`─-]*?)(?:\.\.\.|…)((?:\s.*)?)$/;
/** A folder named in a note: `ortho/`. */
const NOTED_FOLDER = /(?<![\w./-])([A-Za-z0-9_][\w.-]*)\//g;
const EXAMPLE_NOTE = /\be\.g\.|\bfor example\b|\(example\)/i;

interface LineShape {
  readonly prefix: string;
  readonly glyphColumn: number;
  readonly name: string;
  readonly nameStart: number;
  readonly rest: string;
}

/** Splits a tree line into its glyph prefix, the name and what follows; undefined when it names nothing. */
export function shapeOf(text: string): LineShape | undefined {
  let i = 0;
  let glyphColumn = -1;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if ((c === '├' || c === '└' || c === '+' || c === '`' || c === '|') && (next === '─' || next === '-')) {
      glyphColumn = i;
      i++;
      while (text[i] === '─' || text[i] === '-') i++;
      while (text[i] === ' ' || text[i] === '\t') i++;
      break;
    }
    if (c !== ' ' && c !== '\t' && c !== '│' && c !== '|') break;
    i++;
  }
  const rest = text.slice(i);
  const name = /^\S+/.exec(rest)?.[0];
  if (name === undefined || name.startsWith('#') || name === '…' || name === '...') return undefined;
  return { prefix: text.slice(0, i), glyphColumn, name, nameStart: i, rest: rest.slice(name.length) };
}

/** An entry's name and note with spacing folded, to recognise the template's own entries. */
function entryText(shape: LineShape): string {
  return `${shape.name} ${shape.rest.trim().replace(/\s+/g, ' ')}`.trim();
}

function depthKey(shape: LineShape): number {
  if (shape.glyphColumn >= 0) return shape.glyphColumn + 1;
  return shape.prefix.replace(/\t/g, '    ').length;
}

function cleanName(name: string): string {
  return withoutTrailingSlashes(name.replace(/^\.\//, '').replace(/^\/+/, ''));
}

function namesRepository(name: string, facts: RepositoryFacts | undefined): boolean {
  const bare = cleanName(name).toLowerCase();
  if (name === '.' || name === './') return true;
  if (!facts || !name.endsWith('/')) return false;
  return bare === facts.rootName.toLowerCase() || facts.projectNames.some((p) => p.toLowerCase() === bare);
}

/** Flow arrows: a block drawn with them is a diagram (`Request → Route → Controller`), not a tree. */
const ARROW = /[←↑→↓⇒]|->|=>|<-/;
const PATH_NAME = /\/|\.[A-Za-z0-9]{1,8}$/;

/**
 * Whether a fenced block's lines are a tree of paths: a glyph line says so; without glyphs, it
 * needs a name that reads as a path (`src/`, `app.ts`) and no flow arrows outside `#` comments.
 */
function readsAsTree(lines: readonly string[]): boolean {
  const shapes = lines.map(shapeOf);
  if (shapes.some((shape) => shape !== undefined && shape.glyphColumn >= 0)) return true;
  if (lines.some((text) => ARROW.test(text.replace(/\s#.*$/, '')))) return false;
  return shapes.some((shape) => shape !== undefined && PATH_NAME.test(shape.name));
}

/** The fence that holds the tree, within a section's lines: the first block that reads as a tree. */
function findFence(a: Analysis, start: number, end: number): { open: number; close: number } | undefined {
  const { model } = a;
  for (let line = start; line < end; line++) {
    if (!model.fenceContent[line]) continue;
    const open = line - 1;
    const info = /^\s*(?:`{3,}|~{3,})\s*([^\s`]*)/.exec(model.lines[open] ?? '');
    let close = line;
    while (close < end && model.fenceContent[close]) close++;
    if (info && TREE_INFO.has(info[1].toLowerCase()) && readsAsTree(model.lines.slice(line, close))) return { open, close };
    line = close;
  }
  return undefined;
}

/** The Code Organization tree of the document, when it has one. */
export function codeTree(a: Analysis, facts: RepositoryFacts | undefined): CodeTree | undefined {
  const section = sectionsTitled(a, 'Code Organization')[0];
  if (!section) return undefined;
  const fence = findFence(a, section.start, section.end);
  if (!fence) return undefined;
  // The template's own entries, whatever glyphs or depth the document put them at.
  const templateTree = new Set<string>();
  for (const line of section.guidance.split('\n')) {
    const shape = shapeOf(line);
    if (shape) templateTree.add(entryText(shape));
  }
  const asRoot = readEntries(a, fence, templateTree, facts, true);
  // A first line naming the repository may name a folder of the same name (`sindri/` in the
  // repository sindri): read it as that folder when more of the tree then exists.
  if (asRoot.rootLine !== undefined && facts?.directories.has(cleanName(a.model.lines[asRoot.rootLine].trim().split(/\s/)[0]))) {
    const asFolder = readEntries(a, fence, templateTree, facts, false);
    if (existing(facts, asFolder.entries) > existing(facts, asRoot.entries)) return { fenceLine: fence.open, closeLine: fence.close, ...asFolder, ofFolder: true };
  }
  return { fenceLine: fence.open, closeLine: fence.close, ...asRoot, ofFolder: false };
}

function existing(facts: RepositoryFacts, entries: readonly TreeEntry[]): number {
  return entries.filter((e) => !e.unchecked && !e.template && pathExists(facts, e.path)).length;
}

function readEntries(
  a: Analysis,
  fence: { open: number; close: number },
  templateTree: ReadonlySet<string>,
  facts: RepositoryFacts | undefined,
  rootFirst: boolean,
): { rootLine: number | undefined; entries: TreeEntry[]; noted: Map<string, Set<string>> } {
  const entries: TreeEntry[] = [];
  const stack: Array<{ key: number; index: number }> = [];
  const noted = new Map<string, Set<string>>();
  let rootLine: number | undefined;
  for (let line = fence.open + 1; line < fence.close; line++) {
    const text = a.model.lines[line];
    const shape = shapeOf(text);
    if (!shape) {
      // `└── ...  # ortho/, detection/ subdomains`: the folders the note names are listed too.
      const dots = ELLIPSIS.exec(text);
      const at = dots && shapeOf(`${dots[1]}x`);
      if (at) {
        const key = depthKey(at);
        const open = stack.filter((s) => s.key < key);
        const dir = open.length ? entries[open[open.length - 1].index].path : '';
        for (const m of dots[2].matchAll(NOTED_FOLDER)) {
          const names = noted.get(dir) ?? new Set<string>();
          names.add(m[1]);
          noted.set(dir, names);
        }
      }
      continue;
    }
    if (entries.length === 0 && rootLine === undefined && shape.glyphColumn < 0 && rootFirst && namesRepository(shape.name, facts)) {
      rootLine = line;
      continue;
    }
    const key = depthKey(shape);
    while (stack.length && stack[stack.length - 1].key >= key) stack.pop();
    const parent = stack.length ? stack[stack.length - 1].index : -1;
    const own = cleanName(shape.name);
    const path = parent >= 0 ? joinPath(entries[parent].path, own) : own;
    const unchecked = PATTERN.test(shape.name) || EXAMPLE_NOTE.test(shape.rest) || own === '';
    entries.push({
      line,
      path,
      name: shape.name,
      nameStart: shape.nameStart,
      prefix: shape.prefix,
      glyphColumn: shape.glyphColumn,
      parent,
      end: entries.length + 1,
      dir: shape.name.endsWith('/'),
      template: templateTree.has(entryText(shape)),
      unchecked,
    });
    for (const s of stack) entries[s.index].end = entries.length;
    if (parent >= 0) entries[parent].dir = true;
    stack.push({ key, index: entries.length - 1 });
  }
  return { rootLine, entries, noted };
}

/** `a/b/` → `a/b`, by a loop: a regular expression anchored at the end would retry every run of slashes. */
export function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

export function joinPath(parent: string, child: string): string {
  return parent === '' ? child : `${parent}/${child}`;
}

/**
 * Whether `path` exists: a file, a directory, anything under an excluded (git-ignored, dot)
 * folder, or a path a `.gitignore` ignores (build output such as `dist/` need not be built).
 */
export function pathExists(facts: RepositoryFacts, path: string): boolean {
  if (path === '' || facts.directories.has(path) || facts.files.has(path)) return true;
  for (let p = path; p !== ''; p = parentOf(p)) if (facts.excluded.has(p)) return true;
  return gitIgnored(facts, path);
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
