/**
 * YAML front matter (`---` … `---` on the first lines). markdown-it knows nothing of it and
 * would read it as a rule and a setext heading, so the parser blanks these lines. Only flat
 * `key: value` pairs are read: the keys ArchDoc looks at (`archdoc`, `archdoc-template`) are flat.
 */
export interface FrontMatter {
  /** First line after the block, or 0 when there is none. */
  readonly endLine: number;
  readonly values: ReadonlyMap<string, string>;
}

const MAX_LINES = 200;

export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { endLine: 0, values: new Map() };
  if (lines.length < 2 || lines[0].trim() !== '---') return none;
  const values = new Map<string, string>();
  const limit = Math.min(lines.length, MAX_LINES);
  for (let i = 1; i < limit; i++) {
    const line = lines[i];
    if (line.trim() === '---' || line.trim() === '...') return { endLine: i + 1, values };
    const m = /^([\w-]+)\s*:\s*(\S.*)?$/.exec(line);
    if (m) values.set(m[1], (m[2] ?? '').trimEnd().replace(/^(['"])(.*)\1$/, '$2'));
  }
  return none;
}
