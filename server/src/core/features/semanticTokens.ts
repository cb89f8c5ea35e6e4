/**
 * Semantic tokens for the placeholders of an architecture document, so that themes colour
 * `[Project Name]` and `YYYY-MM-DD` there and nowhere else: the server only answers for
 * documents it checks, where a grammar injection would colour every markdown file.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Analysis } from '../types.ts';

/**
 * One token type of ArchDoc's own; the VS Code manifest gives it a super type and TextMate
 * scopes (`semanticTokenTypes`, `semanticTokenScopes`) so that themes without rules for it
 * still colour it. Enumerations and dates are told apart by a modifier.
 */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: ['placeholder'], tokenModifiers: ['date', 'choice'] };

export function semanticTokens(analysis: Analysis): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  const placeholders = [...analysis.placeholders]
    .filter((p) => p.range.start.line === p.range.end.line)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const p of placeholders) {
    const { start, end } = p.range;
    const modifiers = p.kind === 'date' ? 1 : p.kind === 'enum' ? 2 : 0;
    data.push(start.line - line, start.line === line ? start.character - character : start.character, end.character - start.character, 0, modifiers);
    line = start.line;
    character = start.character;
  }
  return { data };
}
