/**
 * Generators of architecture documents for property tests: markdown fragments mixed with
 * pieces of the bundled template (its lines, whole sections, headings with typos and wrong
 * levels), placeholders, tables, fences, suppression comments and front matter, joined with
 * any line ending, sometimes behind a BOM, and salted with the characters that break naive
 * column arithmetic (surrogate pairs, lone surrogates, CJK, RTL, NUL, U+2028).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { BUNDLED_TEMPLATE_PATH } from '../../helpers/core.ts';

export const TEMPLATE_TEXT = readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8');
export const TEMPLATE_LINES = TEMPLATE_TEXT.split('\n');

/** The template cut at each heading: whole sections, as a writer would paste them. */
export const TEMPLATE_SECTIONS: readonly string[] = (() => {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of TEMPLATE_LINES) {
    if (/^#{1,6} /.test(line) && current.length) {
      out.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  out.push(current.join('\n'));
  return out;
})();

export const TEMPLATE_TITLES: readonly string[] = TEMPLATE_LINES.filter((l) => /^#{1,6} /.test(l)).map((l) => l.replace(/^#+ /, ''));

/** Characters chosen to land on UTF-16 and line-ending edge cases. */
export const AWKWARD = ['😀', '👨‍👩‍👧', '🏳️‍🌈', '\uD83D', '\uDE00', '中文', '漢字テスト', 'مرحبا', '\u202E', '\u200B', '\u0000', '\u2028', '\u2029', '\u00A0', 'é', 'e\u0301', '\t', '\f', '\v', '\\', '`', '|', '[', ']', '*', '_', '<', '>', '#', '&', '$1', '${x}'];

const awkward = fc.constantFrom(...AWKWARD);

/** A short run of text, mostly words, sometimes awkward characters. */
export const words: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('the', 'service', 'API', 'Gateway', 'data', 'Overview', 'Status', 'Draft', 'x', '1', '2024-02-30', 'TODO') }, { weight: 2, arbitrary: awkward }, { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) }), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(' '));

/** A template title with up to two small typos (drop, double, swap, change case). */
const typoTitle: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...TEMPLATE_TITLES), fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'upper', 'lower')), { maxLength: 2 }))
  .map(([title, typos]) => {
    let t = title;
    for (const [n, kind] of typos) {
      if (t.length < 2) break;
      const i = n % (t.length - 1);
      if (kind === 'drop') t = t.slice(0, i) + t.slice(i + 1);
      else if (kind === 'double') t = t.slice(0, i) + t[i] + t.slice(i);
      else if (kind === 'swap') t = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
      else if (kind === 'upper') t = t.toUpperCase();
      else t = t.toLowerCase();
    }
    return t;
  });

const headingTitle = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TEMPLATE_TITLES) }, { weight: 3, arbitrary: typoTitle }, { weight: 1, arbitrary: words }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('1.', '2.1', '🚀', '§'), fc.constantFrom(...TEMPLATE_TITLES)).map(([p, t]) => `${p} ${t}`) });

const heading: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), headingTitle, fc.constantFrom('', ' #', ' ##', '  ')).map(([level, title, close]) => `${'#'.repeat(level)} ${title}${close}`) },
  { weight: 1, arbitrary: fc.tuple(headingTitle, fc.constantFrom('===', '---', '=')).map(([title, underline]) => `${title}\n${underline}`) },
  { weight: 1, arbitrary: fc.constantFrom('#', '##', '# ', '   ### Overview', '    ## Overview', '#Overview') },
);

const placeholder = fc.constantFrom('[Project Name]', 'YYYY-MM-DD', '[Draft | Active | Deprecated]', '[TODO]', '[TBD]', '[ … ]', '[a|b]', '[Component Name]', '[x]', '[]', '[[nested]]', '`[Project Name]`', '[Project Name](http://x)', '[ref]', '\\[Project Name\\]');

const field = fc.oneof(
  fc.tuple(fc.constantFrom('Status', 'Date', 'Last Updated', 'Owner', 'Version'), fc.oneof(fc.constantFrom('Draft', 'Active', 'Done', '2024-01-01', '2024-13-45', 'YYYY-MM-DD', '[Draft | Active]', ''), words)).map(([label, value]) => `**${label}**: ${value}`),
  fc.tuple(fc.constantFrom('Purpose', 'Technology', 'Context', 'Decision', 'Consequences', 'Trigger'), words).map(([label, value]) => `- **${label}**: ${value}`),
  fc.tuple(fc.constantFrom('Purpose', 'Where', 'Why'), words).map(([label, value]) => `- ${label}: ${value}`),
);

const entryTitle = fc.oneof(
  fc.tuple(fc.constantFrom('2024-01-01', '2024-02-30', 'YYYY-MM-DD', '[Date]', 'yesterday'), words).map(([date, title]) => `**${date} - ${title}**`),
  words.map((w) => `**${w}**`),
  fc.constantFrom('**Component Name**', '**Service Name** (e.g., AWS Lambda)', '**GET /api/resource**', '**Flow Name**'),
);

const tableRow = fc.array(fc.oneof(words, fc.constantFrom('', '`a|b`', 'a \\| b', '---', ':---:')), { minLength: 0, maxLength: 6 }).map((cells) => `| ${cells.join(' | ')} |`);

const table: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.array(tableRow, { maxLength: 5 }), fc.boolean())
  .map(([columns, rows, outer]) => {
    const header = Array.from({ length: columns }, (_, i) => `H${i}`).join(' | ');
    const delimiter = Array.from({ length: columns }, () => '---').join(' | ');
    const wrap = (s: string): string => (outer ? `| ${s} |` : s);
    return [wrap(header), wrap(delimiter), ...rows].join('\n');
  });

const fence: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '```sql', '~~~ts'), fc.array(fc.oneof(words, placeholder, fc.constantFrom(...TEMPLATE_LINES)), { maxLength: 4 }), fc.constantFrom('```', '~~~', '````', '', '``'))
  .map(([open, body, close]) => [open, ...body, close].join('\n'));

const misc = fc.constantFrom(
  '<!-- archdoc-disable-next-line -->',
  '<!-- archdoc-disable-next-line placeholder -->',
  '<!-- archdoc-disable-line -->',
  '<!-- archdoc-disable-file missing-section -->',
  '<!-- archdoc-disable template-text -->',
  '<!-- archdoc-enable -->',
  '<!-- archdoc -->',
  '<!-- archdoc: optional -->',
  '---\narchdoc: true\ntitle: x\n---',
  '---',
  '***',
  '<div>\n[Project Name]\n</div>',
  '> quoted [Project Name]',
  '>> > deep quote',
  '- item\n  - nested\n    - deeper',
  '1. one\n2) two',
  '    indented code [TODO]',
  '[ref]: http://example.com',
  '[x]: <> "t"',
  '(If applicable)',
  '',
  '',
  ' ',
  '\t',
);

/** One block of a document. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEMPLATE_LINES) },
  { weight: 2, arbitrary: fc.constantFrom(...TEMPLATE_SECTIONS) },
  { weight: 4, arbitrary: heading },
  { weight: 3, arbitrary: words },
  { weight: 2, arbitrary: fc.tuple(words, placeholder, words).map((p) => p.join(' ')) },
  { weight: 3, arbitrary: field },
  { weight: 2, arbitrary: entryTitle },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: fence },
  { weight: 2, arbitrary: misc },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
);

export type Eol = '\n' | '\r\n' | '\r';

/**
 * A document: fragments joined by line breaks of one style, or of mixed styles, with an
 * optional BOM. Sometimes it starts with the whole template, as a document freshly scaffolded.
 */
export const document: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fragment, { minLength: 0, maxLength: 30 }),
    fc.constantFrom<'lf' | 'crlf' | 'cr' | 'mixed'>('lf', 'lf', 'crlf', 'cr', 'mixed'),
    fc.array(fc.constantFrom<Eol>('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }),
    fc.boolean(),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom('\n', ''),
  )
  .map(([parts, style, mixed, bom, base, trailing]) => {
    const blocks = base === 0 ? [TEMPLATE_TEXT, ...parts] : parts;
    const joined = blocks.join('\n\n') + trailing;
    const lines = joined.split('\n');
    let out = '';
    lines.forEach((line, i) => {
      if (i > 0) out += style === 'lf' ? '\n' : style === 'crlf' ? '\r\n' : style === 'cr' ? '\r' : mixed[i % mixed.length];
      out += line;
    });
    return (bom ? '\uFEFF' : '') + out;
  });

/** A project name meant to break a naive renderer: regex replacement patterns, markdown, line breaks. */
export const projectName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('$1', '$&', "$'", '$`', '$$', '${name}', '${…}', '\\', '\\\\n', '"quoted"', "it's", '[brackets]', '[Project Name]', '**bold**', '# heading', 'a\nb', 'a\r\nb', 'a\rb', '\n', 'مشروع', '\u202Eevil', '😀 rocket 🚀', '中文项目', '<!-- x -->', '|pipe|', '`code`', 'YYYY-MM-DD', '  spaced  '),
  fc.array(fc.oneof(fc.constantFrom('$1', '${', '}', '\\', '"', "'", '[', ']', '(', ')', '\n', '\r\n', '😀', 'ש', '中', '$&', ' ', '*', '_', '`'), fc.string({ minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 10 }).map((p) => p.join('')),
);
