import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { parseDocument } from '../../../server/src/core/parse/document.ts';
import { engine } from '../../helpers/core.ts';
import { codeActions } from '../../../server/src/core/features/codeActions.ts';
import { applyEdits } from '../../../server/src/core/features/edits.ts';
import { renameEdit, titleSpan } from '../../../server/src/core/features/fixes/headingEdits.ts';
import { sectionBoundary } from '../../../server/src/core/features/fixes/placement.ts';
import { analyzed, doc, TODAY } from './helpers.ts';

const URI = 'file:///ARCHITECTURE.md';

function actions(text: string, line: number): { actions: CodeAction[]; diagnostics: Diagnostic[] } {
  const analysis = analyzed(text);
  const diagnostics = engine.check(analysis);
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  return { actions: codeActions(analysis, diagnostics, range, { uri: URI, today: TODAY, only: ['quickfix'] }), diagnostics };
}

function apply(text: string, action: CodeAction | undefined): string {
  assert.ok(action, 'the action is offered');
  return applyEdits(text, (action.edit?.changes?.[URI] ?? []) as TextEdit[]);
}

function titled(list: readonly CodeAction[], title: string | RegExp): CodeAction | undefined {
  return list.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
}

const HEAD = doc('# Architecture', '', '## Overview', '', 'Written.', '', '');

describe('heading fixes keep what the author wrote', () => {
  for (const [written, expected] of [
    ['## 3. Infrastucture', '## 3. Infrastructure'],
    ['## 🚀 Infrastucture', '## 🚀 Infrastructure'],
    ['## Infrastucture ##', '## Infrastructure ##'],
    ['##   2.1) Infrastucture', '##   2.1) Infrastructure'],
  ]) {
    it(`renames "${written}" to "${expected}"`, () => {
      const text = HEAD + written + '\n\nText.\n';
      const { actions: list } = actions(text, 6);
      assert.equal(apply(text, titled(list, /^Rename to/)), HEAD + expected + '\n\nText.\n');
    });
  }

  it('finds the words that spell the title, leaving numbering and suffixes out of them', () => {
    const cases: Array<[string, string, string]> = [
      ['3. Infrastucture', 'Infrastructure', 'Infrastucture'],
      ['Infrastucture v2', 'Infrastructure', 'Infrastucture'],
      ['✨ Data Modle (draft)', 'Data Model', 'Data Modle'],
      ['Securty', 'Security', 'Securty'],
    ];
    for (const [text, title, words] of cases) {
      const span = titleSpan(text, title);
      assert.equal(text.slice(span.start, span.end), words, text);
    }
  });

  it('renames the words of a heading with emoji, CJK text and a suffix, and nothing else', () => {
    const model = parseDocument('## 🚀 基础设施 Infrastucture v2 ##\n');
    const { edit, text } = renameEdit(model, model.headings[0], 'Infrastructure');
    assert.equal(applyEdits(model.text, [edit]), '## 🚀 基础设施 Infrastructure v2 ##\n');
    assert.equal(text, '🚀 基础设施 Infrastructure v2');
  });

  it('sets the level of a setext heading by its underline', () => {
    const text = HEAD + 'Data\nModel\n=====\n\nText.\n';
    const { actions: list } = actions(text, 6);
    assert.equal(apply(text, titled(list, /^Change to level 2/)), HEAD + 'Data\nModel\n-----\n\nText.\n');
  });

  it('writes a multi-line setext heading as one ATX line for levels setext cannot write', () => {
    const text = HEAD + '## Data Model\n\nText.\n\nDatabase\nSchema\n--------\n\nMore.\n';
    const { actions: list } = actions(text, 10);
    assert.equal(apply(text, titled(list, /^Change to level 3/)), HEAD + '## Data Model\n\nText.\n\n### Database Schema\n\nMore.\n');
  });

  it('changes only the # run of an ATX heading, keeping its closing sequence', () => {
    const text = HEAD + '## Data Model\n\n#### Entities ####\n\nText.\n';
    const { actions: list } = actions(text, 8);
    assert.equal(apply(text, titled(list, /^Change to level 3/)), HEAD + '## Data Model\n\n### Entities ####\n\nText.\n');
  });
});

describe('placeholder fixes on field lines', () => {
  const META = doc('# Architecture', '', '**Status**: $S', '', '**Last Updated**: $D', '', '## Overview', '', 'Written.', '');

  it('offers no value where the placeholder is only part of the value', () => {
    const text = META.replace('$S', 'Active [TODO]').replace('$D', '2025-06-0[TODO]');
    for (const line of [2, 4]) {
      const titles = actions(text, line).actions.map((a) => a.title);
      assert.deepEqual(titles.filter((t) => /^(Choose|Insert today)/.test(t)), [], titles.join(', '));
    }
  });

  it('offers the values where the placeholder is the whole value, a note after it kept', () => {
    const text = META.replace('$S', '[Draft | Active | Deprecated] (pending review)').replace('$D', 'YYYY-MM-DD');
    assert.equal(apply(text, titled(actions(text, 2).actions, 'Choose "Active"')), text.replace('[Draft | Active | Deprecated]', 'Active'));
    assert.equal(apply(text, titled(actions(text, 4).actions, /^Insert today's date/)), text.replace('YYYY-MM-DD', TODAY));
  });
});

describe('where sections are inserted', () => {
  it('inserts nothing after an unclosed HTML comment, where it would be part of the comment', () => {
    const text = HEAD + '## Data Model\n\n<!-- notes to self\n\nstill in the comment\n';
    const list = actions(text, 0).actions;
    assert.ok(titled(list, 'Insert section "## System Architecture"'), 'a section that goes before the comment is offered');
    assert.ok(!titled(list, 'Insert section "## API Design"'), 'a section that would go after it is not');
    assert.ok(!titled(list, /^Insert all/), 'one section can be inserted, so there is no insert-all');
  });

  it("moves a heading past the text of a section it would cut in two, and stays before a heading", () => {
    const model = parseDocument(doc('## Custom', '', 'Custom text.', '', 'More of it.', '', '## Next', ''));
    assert.equal(sectionBoundary(model, 3, 2), 6);
    assert.equal(sectionBoundary(model, 3, 3), 3, 'a deeper heading is a subsection of it, not a cut');
    assert.equal(sectionBoundary(model, 5, 2), 5, 'just before the next heading');
  });

  it('offers insert-all first, as the preferred fix, when more than one section is missing', () => {
    const { actions: list } = actions(HEAD, 0);
    assert.match(list[0].title, /^Insert all \d+ missing sections$/);
    assert.equal(list[0].isPreferred, true);
    assert.ok(list.slice(1).every((a) => !a.isPreferred));
  });
});

describe('disable comments', () => {
  const TEXT = doc('# Architecture', '', '## Overview', '', 'Owner: [Team Name]', '', '## Securty', '', 'Text.', '');

  it('silence a prose line with a comment at its end, in the syntax the engine reads', () => {
    const after = apply(TEXT, titled(actions(TEXT, 4).actions, 'Disable placeholder for this line'));
    assert.match(after, /^Owner: \[Team Name\] <!-- archdoc-disable-line placeholder -->$/m);
    assert.ok(!engine.check(analyzed(after)).some((d) => d.code === 'placeholder'));
  });

  it('silence a heading with a comment on the line before it', () => {
    const after = apply(TEXT, titled(actions(TEXT, 6).actions, 'Disable heading-typo for this line'));
    assert.match(after, /<!-- archdoc-disable-next-line heading-typo -->\n## Securty\n/);
    assert.ok(!engine.check(analyzed(after)).some((d) => d.code === 'heading-typo'));
  });

  it('silence a file with one comment at the top, extended when it already names codes', () => {
    const once = apply(TEXT, titled(actions(TEXT, 6).actions, 'Disable heading-typo for this file'));
    assert.ok(once.startsWith('<!-- archdoc-disable-file heading-typo -->\n# Architecture\n'));
    const twice = apply(once, titled(actions(once, 5).actions, 'Disable placeholder for this file'));
    assert.ok(twice.startsWith('<!-- archdoc-disable-file heading-typo, placeholder -->\n# Architecture\n'));
    assert.deepEqual(engine.check(analyzed(twice)).filter((d) => d.code === 'heading-typo' || d.code === 'placeholder'), []);
  });

  it('offer only the file comment on a table row, where a comment would add a cell', () => {
    const text = HEAD + '| A | B |\n|---|---|\n| 1 | 2 | 3 |\n';
    const titles = actions(text, 8).actions.map((a) => a.title);
    assert.ok(titles.includes('Disable table-columns for this file'));
    assert.ok(!titles.includes('Disable table-columns for this line'));
  });

  it('come after the fixes', () => {
    const titles = actions(TEXT, 6).actions.map((a) => a.title);
    const firstDisable = titles.findIndex((t) => t.startsWith('Disable'));
    assert.ok(firstDisable > titles.indexOf('Rename to "Security"'), titles.join(', '));
    assert.ok(titles.slice(firstDisable).every((t) => t.startsWith('Disable')), titles.join(', '));
  });
});

describe('missing sections named in one diagnostic', () => {
  const TEXT = doc('# Architecture', '', '## Overview', '', 'Written.', '', '## Past Decisions', '', 'We chose Postgres.', '');

  it('offer to declare a heading with close words as the section, and the marker makes it count', () => {
    const { actions: list } = actions(TEXT, 0);
    const declare = titled(list, '"## Past Decisions" is this document\'s Decision Log');
    const after = apply(TEXT, declare);
    assert.match(after, /## Past Decisions\n<!-- archdoc: section Decision Log -->\n/);
    const missing = engine.check(analyzed(after)).filter((d) => d.code === 'missing-section');
    assert.ok(!missing.some((d) => /"## Decision Log"/.test(String(d.message))), missing.map((d) => String(d.message)).join('\n'));
  });

  it('offer to declare a section not applicable, which the engine then stops reporting', () => {
    const after = apply(TEXT, titled(actions(TEXT, 0).actions, '"## Deployment" is not applicable to this project'));
    assert.match(after, /<!-- archdoc: not-applicable Deployment -->/);
    assert.ok(!engine.check(analyzed(after)).some((d) => d.code === 'missing-section' && /"## Deployment"/.test(String(d.message))));
  });

  it('offer one insertion per section it names, after insert-all', () => {
    const analysis = analyzed(TEXT);
    const diagnostic = engine.check(analysis).find((d) => d.code === 'missing-section' && d.range.start.line === 0 && /Missing \d+ sections/.test(String(d.message)));
    assert.ok(diagnostic);
    const count = (diagnostic.data as { sections: unknown[] }).sections.length;
    const titles = codeActions(analysis, engine.check(analysis), diagnostic.range, { uri: URI, today: TODAY, only: ['quickfix'] }).map((a) => a.title);
    assert.match(titles[0], /^Insert all \d+ missing sections$/);
    assert.equal(titles.filter((t) => t.startsWith('Insert section')).length, count);
  });
});
