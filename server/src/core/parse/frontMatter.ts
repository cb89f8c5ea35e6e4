/**
 * YAML front matter (`---` … `---` or `...` on the first lines), read with the `yaml` library
 * so that quoting, `# comments` and escapes mean what they mean in YAML. markdown-it knows
 * nothing of front matter and would read it as a rule and a setext heading, so the parser
 * blanks these lines. The engine and the policy's document markers read it here, and only here.
 *
 * A block is front matter only when it closes within `MAX_LINES` lines and `MAX_BYTES`
 * characters, so a hostile first line costs one bounded parse. Only top-level scalar values
 * are kept, as strings: the keys ArchDoc looks at (`archdoc`, `archdoc-template`) are flat.
 * A block YAML cannot read is still front matter (it is not the document's prose), with no values.
 */
import { isMap, isScalar, parseDocument } from 'yaml';

export interface FrontMatter {
  /** First line after the block, or 0 when there is none. */
  readonly endLine: number;
  readonly values: ReadonlyMap<string, string>;
}

const MAX_LINES = 200;
const MAX_BYTES = 64 * 1024;
const NONE: FrontMatter = { endLine: 0, values: new Map() };

function isOpening(line: string): boolean {
  return line.replace(/^\uFEFF/, '').trimEnd() === '---';
}

function isClosing(line: string): boolean {
  const trimmed = line.trimEnd();
  return trimmed === '---' || trimmed === '...';
}

function scalarValues(block: string): Map<string, string> {
  const values = new Map<string, string>();
  let contents;
  try {
    contents = parseDocument(block, { uniqueKeys: false, prettyErrors: false }).contents;
  } catch {
    return values;
  }
  if (!isMap(contents)) return values;
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (pair.value === null || pair.value === undefined) values.set(key, '');
    else if (isScalar(pair.value)) values.set(key, pair.value.value === null ? '' : String(pair.value.value));
  }
  return values;
}

/** The front matter of a document given as its lines. */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  if (lines.length < 2 || !isOpening(lines[0])) return NONE;
  const limit = Math.min(lines.length, MAX_LINES);
  let bytes = 0;
  for (let i = 1; i < limit; i++) {
    bytes += lines[i].length + 1;
    if (bytes > MAX_BYTES) return NONE;
    if (isClosing(lines[i])) return { endLine: i + 1, values: scalarValues(lines.slice(1, i).join('\n')) };
  }
  return NONE;
}

/** The front matter of a document given as its text; only the lines it needs are split off. */
export function readFrontMatterOf(text: string): FrontMatter {
  const lines: string[] = [];
  let bytes = 0;
  for (let start = 0; lines.length < MAX_LINES && start <= text.length && bytes <= MAX_BYTES; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push(text.slice(start, end).replace(/\r$/, ''));
    bytes += end - start + 1;
    if (newline === -1) break;
    start = newline + 1;
  }
  return readFrontMatter(lines);
}
