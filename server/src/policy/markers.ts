/**
 * The markers a document can carry about itself: an opt-in (`archdoc: true` in front matter
 * or an `<!-- archdoc -->` comment), an opt-out (`archdoc: false`), and a per-file template
 * (`archdoc-template: path` in front matter or `<!-- archdoc-template: path -->`).
 */

export interface DocumentMarkers {
  /** `true` opted in, `false` opted out, `undefined` said nothing. */
  readonly optIn: boolean | undefined;
  /** The per-file template path, as written. */
  readonly template: string | undefined;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const OPT_IN_COMMENT = /<!--\s*archdoc\s*-->/;
const TEMPLATE_COMMENT = /<!--\s*archdoc-template\s*:\s*(.*?)\s*-->/;

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(['"])(.*)\1$/.exec(trimmed);
  return quoted ? quoted[2] : trimmed;
}

function frontMatterValue(block: string, key: string): string | undefined {
  const match = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*)$`, 'm').exec(block);
  return match ? unquote(match[1].replace(/\s+#.*$/, '')) : undefined;
}

/** Reads the markers; front matter wins over comments. */
export function readMarkers(text: string): DocumentMarkers {
  const frontMatter = FRONT_MATTER.exec(text)?.[1];
  let optIn: boolean | undefined;
  let template: string | undefined;
  if (frontMatter !== undefined) {
    const flag = frontMatterValue(frontMatter, 'archdoc');
    if (flag !== undefined) optIn = /^(true|yes|on)$/i.test(flag) ? true : /^(false|no|off)$/i.test(flag) ? false : undefined;
    template = frontMatterValue(frontMatter, 'archdoc-template') || undefined;
  }
  if (optIn === undefined && OPT_IN_COMMENT.test(text)) optIn = true;
  template ??= TEMPLATE_COMMENT.exec(text)?.[1] || undefined;
  return { optIn, template };
}
