import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/core/features/hover.ts';
import { engine } from '../../helpers/core.ts';
import { atCursor, doc, TODAY } from './helpers.ts';

function check(textWithCursor: string, expected: RegExp | null): void {
  const { analysis, position } = atCursor(textWithCursor);
  const result = hover(analysis, position, { today: TODAY, diagnostics: engine.check(analysis) });
  if (expected === null) return assert.equal(result, null);
  assert.match((result?.contents as MarkupContent | undefined)?.value ?? '(no hover)', expected);
}

describe('hover', () => {
  it("shows the template's guidance and the state of the section under a heading", () => {
    check(doc('# Orbit', '', '## Over$0view', '', 'Made by [TODO].'), /Overview[\s\S]*State: 1 placeholder left[\s\S]*High-level description/);
  });

  it('names the template heading that a near-miss heading stands for', () => {
    check(doc('# Orbit', '', '## Secu$0rty', '', 'Locked.'), /spells this heading `Security`/);
  });

  it('says that a heading the template does not know is an added section', () => {
    check(doc('# Orbit', '', '## Glos$0sary', '', 'Terms.'), /not a section of the template/);
  });

  it('lists the values an enumeration placeholder stands for', () => {
    check(doc('# Orbit', '', '**Status**: [Draft | Ac$0tive | Deprecated]'), /one of `Draft`, `Active`, `Deprecated`/);
  });

  it('describes a date placeholder with today as an example', () => {
    check(doc('# Orbit', '', '**Last Updated**: YYYY-$0MM-DD'), new RegExp(`ISO date.*${TODAY}`));
  });

  it('lists the allowed values over the value of a typed field', () => {
    check(doc('# Orbit', '', '**Status**: Do$0ne'), /\*\*Status\*\*: one of `Draft`, `Active`, `Deprecated`/);
  });

  it("lists an entry's missing fields over its title", () => {
    check(doc('# Orbit', '', '## Decision Log', '', '### Major Architectural Decisions', '', '**2024-01-02 - Use $0Postgres**', '- **Context**: Growth'), /Missing: `Decision`, `Rationale`, `Alternatives`, `Consequences`/);
  });

  it('shows nothing over ordinary prose', () => {
    check(doc('# Orbit', '', '## Overview', '', 'Plain $0words.'), null);
  });
});
