/**
 * The markdown snippets: valid JSON and valid snippet syntax, and, once expanded with their
 * default values, worded exactly like the template, so that whatever the author leaves
 * untouched is still recognised as template text while whatever they type is theirs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly description: string;
  readonly body: string | readonly string[];
}

const root = new URL('../../../', import.meta.url);
const snippets = JSON.parse(readFileSync(new URL('snippets/markdown.json', root), 'utf8')) as Record<string, Snippet>;
const template = readFileSync(new URL('server/templates/ARCHITECTURE.md', root), 'utf8');
const templateLines = new Set(template.split('\n'));
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  contributes: { snippets: { language: string; path: string }[] };
};

const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2031', CURRENT_MONTH: '04', CURRENT_DATE: '09' };

/**
 * Expands a snippet body as VS Code would if every tab stop kept its default: a placeholder
 * gives its text, a choice its first value, a mirror (`${2}`) the text of its tab stop.
 * Throws on anything VS Code would not parse as intended (an unclosed `${`, an unknown variable).
 */
function expand(body: string): string {
  const values = new Map<string, string>();
  let index = 0;

  function parse(stopAt: string | undefined): Array<string | { mirror: string }> {
    const parts: Array<string | { mirror: string }> = [];
    while (index < body.length) {
      const char = body[index]!;
      if (stopAt !== undefined && char === stopAt) return parts;
      if (char === '\\' && /[$}\\]/.test(body[index + 1] ?? '')) {
        parts.push(body[index + 1]!);
        index += 2;
      } else if (char === '$') {
        parts.push(...dollar());
      } else {
        parts.push(char);
        index++;
      }
    }
    if (stopAt !== undefined) throw new Error(`unclosed \${ in ${JSON.stringify(body)}`);
    return parts;
  }

  function dollar(): Array<string | { mirror: string }> {
    const simple = /^\$(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(index));
    if (simple) {
      index += simple[0].length;
      return [reference(simple[1]!, undefined)];
    }
    const open = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(index));
    if (!open) throw new Error(`a literal $ must be escaped: ${JSON.stringify(body.slice(index, index + 20))}`);
    index += open[0].length;
    const name = open[1]!;
    if (body[index] === '}') {
      index++;
      return [reference(name, undefined)];
    }
    if (body[index] === '|') {
      const close = body.indexOf('|}', index + 1);
      assert.ok(close > index, `unclosed choice for ${name}`);
      const choices = body.slice(index + 1, close).split(/(?<!\\),/);
      assert.ok(choices.length >= 2, `a choice offers at least two values: ${name}`);
      index = close + 2;
      values.set(name, choices[0]!);
      return [choices[0]!];
    }
    assert.equal(body[index], ':', `\${${name} must be followed by :, | or }`);
    index++;
    const inner = parse('}');
    index++;
    const text = flatten(inner);
    if (/^\d+$/.test(name)) values.set(name, text);
    return [/^\d+$/.test(name) ? text : (VARIABLES[name] ?? text)];
  }

  function reference(name: string, fallback: string | undefined): string | { mirror: string } {
    if (/^\d+$/.test(name)) return { mirror: name };
    const value = VARIABLES[name] ?? fallback;
    if (value === undefined) throw new Error(`unknown variable ${name}`);
    return value;
  }

  function flatten(parts: Array<string | { mirror: string }>): string {
    return parts.map((part) => (typeof part === 'string' ? part : (values.get(part.mirror) ?? ''))).join('');
  }

  return flatten(parse(undefined));
}

function bodyOf(snippet: Snippet): string {
  return typeof snippet.body === 'string' ? snippet.body : snippet.body.join('\n');
}

function prefixes(snippet: Snippet): readonly string[] {
  return typeof snippet.prefix === 'string' ? [snippet.prefix] : snippet.prefix;
}

function byPrefix(prefix: string): Snippet {
  const found = Object.values(snippets).find((snippet) => prefixes(snippet).includes(prefix));
  assert.ok(found, `a snippet has the prefix ${prefix}`);
  return found;
}

void test('the manifest contributes the snippets for markdown', () => {
  assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './snippets/markdown.json' }]);
});

void test('every snippet has a prefix, a description and a body that parses', () => {
  const seen = new Set<string>();
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(prefixes(snippet).length > 0, `${name} has a prefix`);
    for (const prefix of prefixes(snippet)) {
      assert.ok(!seen.has(prefix), `prefix ${prefix} is used once`);
      seen.add(prefix);
    }
    assert.ok(snippet.description.length > 10, `${name} has a description`);
    assert.doesNotThrow(() => expand(bodyOf(snippet)), `${name} parses`);
  }
});

void test('offers every kind of entry the issue lists', () => {
  const wanted = ['decision', 'adr', 'component', 'entity', 'get', 'post', 'env', 'dependency', 'external-service', 'service', 'flow'];
  wanted.push('job', 'state-machine', 'pattern', 'library', 'limitation', 'improvement', 'debt', 'archdoc', 'architecture');
  for (const prefix of wanted) byPrefix(prefix);
});

void test('the whole-document snippet is the template with its fill-ins as tab stops', () => {
  const snippet = byPrefix('archdoc');
  const body = bodyOf(snippet);
  assert.match(body, /\$\{1:Project Name\}/);
  assert.match(body, /\*\*Status\*\*: \$\{\d+\|Draft,Active,Deprecated\|\}/);
  assert.match(body, /\$\{\d+\|High,Medium,Low\|\}/);
  assert.match(body, /\*\*Last Updated\*\*: \$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/);
  const expected = template
    .replace('[Project Name]', 'Project Name')
    .replace('High/Medium/Low', 'High')
    .replace('**Last Updated**: YYYY-MM-DD', '**Last Updated**: 2031-04-09')
    .replace('[Draft | Active | Deprecated]', 'Draft');
  assert.equal(expand(body) + '\n', expected);
});

void test('the decision record is dated today and has the five fields in template wording', () => {
  const body = bodyOf(byPrefix('adr'));
  assert.match(body, /^\*\*\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE - /);
  const lines = expand(body).split('\n');
  assert.equal(lines[0], '**2031-04-09 - Decision Title**');
  const fields = lines.slice(1).filter((line) => line !== '');
  assert.deepEqual(
    fields.map((line) => /^- \*\*(\w+)\*\*: /.exec(line)?.[1]),
    ['Context', 'Decision', 'Rationale', 'Alternatives', 'Consequences'],
  );
  for (const line of fields) assert.ok(templateLines.has(line), `${line} is the template's wording`);
});

void test("entry snippets expand to the template's own lines", () => {
  // Lines that differ on purpose: a date, or a slash-separated alternative offered as a choice.
  const deliberate = new Set(['**2031-04-09 - Decision Title**', '- Authentication: Required', '| Service Name | What it does | High | What happens if unavailable |']);
  for (const [name, snippet] of Object.entries(snippets)) {
    if (prefixes(snippet).includes('archdoc')) continue;
    for (const line of expand(bodyOf(snippet)).split('\n')) {
      if (line === '' || deliberate.has(line) || /^\*\*(Status|Last Updated)\*\*/.test(line)) continue;
      assert.ok(templateLines.has(line), `${name}: ${JSON.stringify(line)} is a line of the template`);
    }
  }
});

void test('choices are snippet choices, never slash-separated text', () => {
  assert.match(bodyOf(byPrefix('dependency')), /\$\{3\|High,Medium,Low\|\}/);
  assert.match(bodyOf(byPrefix('status')), /\$\{1\|Draft,Active,Deprecated\|\}/);
  for (const snippet of Object.values(snippets)) assert.doesNotMatch(bodyOf(snippet), /High\/Medium\/Low|\[Draft \| Active/);
});

void test('the expander rejects what VS Code would misread', () => {
  assert.throws(() => expand('costs $ 5'), /escaped/);
  assert.throws(() => expand('${1:unclosed'), /unclosed/);
  assert.equal(expand('\\$1 and ${1:a} ${1}'), '$1 and a a');
});
