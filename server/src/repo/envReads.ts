/**
 * Environment variables read in code, by literal name only: `process.env.X`,
 * `process.env["X"]`, `const { X } = process.env`, `import.meta.env.X`, `os.environ["X"]`,
 * `os.environ.get("X")`, `os.getenv("X")`, Go's `os.Getenv`/`os.LookupEnv`, Rust's `env::var`,
 * Java's `System.getenv`, Ruby's `ENV["X"]`/`ENV.fetch`. Every pattern is a plain linear
 * regular expression; a read through a computed key (`process.env[key]`) names nothing.
 */

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const Q = `["'\`]`;

/** Patterns whose first group is the variable's name. */
const READS: readonly RegExp[] = [
  new RegExp(`\\bprocess\\.env\\.(${NAME})`, 'g'),
  new RegExp(`\\bprocess\\.env\\[\\s*${Q}(${NAME})${Q}\\s*\\]`, 'g'),
  new RegExp(`\\bimport\\.meta\\.env\\.(${NAME})`, 'g'),
  new RegExp(`\\bos\\.environ\\[\\s*["'](${NAME})["']\\s*\\]`, 'g'),
  new RegExp(`\\bos\\.environ\\.get\\(\\s*["'](${NAME})["']`, 'g'),
  new RegExp(`\\bos\\.getenv\\(\\s*["'](${NAME})["']`, 'g'),
  new RegExp(`\\bos\\.(?:Getenv|LookupEnv)\\(\\s*"(${NAME})"`, 'g'),
  new RegExp(`\\benv::var(?:_os)?\\(\\s*"(${NAME})"`, 'g'),
  new RegExp(`\\bSystem\\.getenv\\(\\s*"(${NAME})"`, 'g'),
  new RegExp(`\\bENV\\[\\s*["'](${NAME})["']\\s*\\]`, 'g'),
  new RegExp(`\\bENV\\.fetch\\(\\s*["'](${NAME})["']`, 'g'),
];

/** `const { A, B: b, C = 1 } = process.env` (also `let`/`var`, and `import.meta.env`). */
const DESTRUCTURE = /\b(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*(?:process\.env|import\.meta\.env)\b/g;
const DESTRUCTURED_NAME = /^\s*(?:\.\.\.)?([A-Za-z_]\w*)/;

/** Reads through a computed key: `process.env[key]`, `os.environ[name]`, `os.Getenv(name)`. */
const DYNAMIC = /\b(?:process\.env|import\.meta\.env|os\.environ|ENV)\[\s*[A-Za-z_]|\b(?:os\.getenv|os\.environ\.get|os\.Getenv|os\.LookupEnv|env::var|System\.getenv|ENV\.fetch)\(\s*[A-Za-z_]/;
/** A string literal shaped like a variable name: upper case with digits and underscores. */
const NAME_LITERAL = /["'`]([A-Z][A-Z0-9_]{2,})["'`]/g;

export interface EnvScan {
  /** Names read literally. */
  readonly reads: readonly string[];
  /** Names written as strings in a file that also reads through a computed key. */
  readonly mentions: readonly string[];
}

/** Lines that are comments as a whole (`//`, `/*`, ` * `, `#`): a read shown in documentation is not a read. */
const COMMENT_LINE = /^[ \t]*(?:\/\/|\/?\*|#(?![[!]))[^\n]*$/gm;

export function envReadsIn(source: string): EnvScan {
  const reads = new Set<string>();
  // Most files read nothing: one cheap test keeps them to a single pass.
  if (!/env|ENV|getenv|Getenv|LookupEnv/.test(source)) return { reads: [], mentions: [] };
  const text = source.replace(COMMENT_LINE, '');
  for (const pattern of READS) for (const m of text.matchAll(pattern)) reads.add(m[1]);
  for (const m of text.matchAll(DESTRUCTURE)) {
    for (const part of m[1].split(',')) {
      const name = DESTRUCTURED_NAME.exec(part)?.[1];
      if (name && !part.trimStart().startsWith('...')) reads.add(name);
    }
  }
  const mentions = new Set<string>();
  if (DYNAMIC.test(text)) for (const m of text.matchAll(NAME_LITERAL)) if (!reads.has(m[1])) mentions.add(m[1]);
  return { reads: [...reads], mentions: [...mentions] };
}

/** The names a `.env.example` / `.env.sample` lists: `NAME=value`, `export NAME=`, comments skipped. */
export function envExampleNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    if (m) names.push(m[1]);
  }
  return names;
}

/** Extensions of files whose code is searched for variable reads. */
export const CODE_EXTENSIONS: ReadonlySet<string> = new Set([
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'vue', 'svelte', 'astro',
  'py', 'go', 'rs', 'java', 'kt', 'kts', 'scala', 'groovy', 'rb', 'rake',
]);

export function isEnvExample(name: string): boolean {
  return /^\.env\.(?:example|sample|template|dist)$/i.test(name) || /^(?:example|sample)\.env$/i.test(name);
}
