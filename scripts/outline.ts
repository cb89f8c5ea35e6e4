/**
 * Makes the outline of a real architecture document for the corpus in `test/fixtures/real`:
 * every heading as written, the typed fields (`**Status**`, `**Last Updated**`, `**Version**`…)
 * and thematic breaks, since that is all the structural and field rules read; every other
 * paragraph, list, table and code block becomes the one line "Notes on this part of the design.",
 * a line that says a section doesn't apply keeps saying so, and the template's opening sentence
 * keeps its shape. The checker reports on an outline exactly what it reports on the document, so
 * the corpus holds outlines and never the documents themselves.
 *
 *     node --import tsx scripts/outline.ts DOCUMENT.md OUTLINE.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from '../server/src/core/parse/document.ts';

const TYPED = /^(status|last updated|updated|date|version)$/i;
const BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const NOTE = 'Notes on this part of the design.';

export function outline(text: string): string {
  const m = parseDocument(text);
  const fieldAt = new Map(m.fieldLines.map((f) => [f.line, f]));
  const headingAt = new Map(m.headings.map((h, i) => [h.line, i]));
  const out: string[] = [];
  let wroteNote = false;
  let firstPara = true;
  for (let line = 0; line < m.lines.length; line++) {
    const raw = m.lines[line];
    const h = headingAt.get(line);
    if (h !== undefined) {
      const heading = m.headings[h];
      out.push('', `${'#'.repeat(heading.level)} ${heading.text}`, '');
      if (heading.setext) line++;
      wroteNote = false;
      continue;
    }
    if (m.codeLines[line] && !m.proseLines[line]) {
      if (!wroteNote && raw.trim() !== '') {
        out.push(NOTE);
        wroteNote = true;
      }
      continue;
    }
    const field = fieldAt.get(line);
    if (field && TYPED.test(field.label.trim())) {
      if (out.length && out[out.length - 1] !== '' && !/^\*\*/.test(out[out.length - 1])) out.push('');
      out.push(raw.trim());
      continue;
    }
    if (!m.codeLines[line] && !m.proseLines[line] && BREAK.test(raw)) {
      out.push('', '---', '');
      wroteNote = false;
      continue;
    }
    if (raw.trim() === '') continue;
    if (firstPara && /^technical design documentation for/i.test(raw.trim())) {
      out.push('Technical design documentation for this project.');
      firstPara = false;
      wroteNote = true;
      continue;
    }
    if (/^[\s>*_]*(not applicable|n\/a)\b/i.test(raw)) {
      out.push('Not applicable.');
      wroteNote = true;
      continue;
    }
    if (!wroteNote) {
      out.push(NOTE);
      wroteNote = true;
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) throw new Error('usage: node --import tsx scripts/outline.ts DOCUMENT.md OUTLINE.md');
  writeFileSync(target, outline(readFileSync(source, 'utf8')));
}
