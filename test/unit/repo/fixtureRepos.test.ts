/**
 * Each fixture repository's ARCHITECTURE.md carries its expected repository findings inline
 * (`<!-- expect: code -->`); checked against a temporary copy with a real git history, traps
 * planted, the repository codes must be exactly those.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { pairs } from '../../helpers/core.ts';
import { gatherFacts, prepareRepo, readDoc, REPOS, repositoryDiagnostics } from '../../helpers/repos.ts';

for (const name of readdirSync(REPOS).sort()) {
  test(`fixture repository ${name} reports exactly its inline expectations`, async () => {
    const repo = prepareRepo(name);
    const diagnostics = repositoryDiagnostics(readDoc(repo), await gatherFacts(repo));
    assert.deepEqual(pairs(diagnostics), repo.expected, diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}: ${d.message}`).join('\n'));
  });
}
