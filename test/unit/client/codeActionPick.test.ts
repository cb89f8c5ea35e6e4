import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeOf, isInsertAllAction, pickInsertAllAction, pickInsertSectionAction, type ActionLike } from '../../../client/src/commands/codeActionPick.ts';

const missing = [{ code: 'missing-section' }];
const actions: ActionLike[] = [
  { title: 'Replace with Active', kind: { value: 'quickfix' }, diagnostics: [{ code: 'invalid-value' }] },
  { title: 'Insert section "## Security"', kind: { value: 'quickfix' }, diagnostics: missing },
  { title: 'Insert section "### Testing Strategy"', kind: { value: 'quickfix' }, diagnostics: missing },
  { title: 'Insert section "## Testing"', kind: { value: 'quickfix' }, diagnostics: missing },
  { title: 'Insert all 4 missing sections', kind: { value: 'quickfix' }, diagnostics: missing },
  { title: 'Fix all ArchDoc problems', kind: { value: 'source.fixAll.archdoc' } },
];

void test('reads diagnostic codes bare or as objects', () => {
  assert.equal(codeOf({ code: 'missing-section' }), 'missing-section');
  assert.equal(codeOf({ code: { value: 'missing-section', target: 'x' } }), 'missing-section');
  assert.equal(codeOf({ code: 12 }), '12');
  assert.equal(codeOf({}), undefined);
});

void test('recognises the insert-all action by kind or by title, never fix-all', () => {
  assert.equal(isInsertAllAction({ title: 'Anything', kind: { value: 'source.archdoc.insertMissingSections' } }), true);
  assert.equal(isInsertAllAction({ title: 'Insert all 3 missing sections' }), true);
  assert.equal(isInsertAllAction({ title: 'Fix all', kind: { value: 'source.fixAll.archdoc' } }), false);
  assert.equal(pickInsertAllAction(actions)?.title, 'Insert all 4 missing sections');
  assert.equal(pickInsertAllAction(actions.slice(0, 4)), undefined);
});

void test('picks the fix whose quoted heading is the section, not one that merely contains its name', () => {
  assert.equal(pickInsertSectionAction(actions, 'Testing')?.title, 'Insert section "## Testing"');
  assert.equal(pickInsertSectionAction(actions, 'Testing Strategy')?.title, 'Insert section "### Testing Strategy"');
  assert.equal(pickInsertSectionAction(actions, 'security')?.title, 'Insert section "## Security"');
});

void test('falls back to the only insert fix, and refuses to guess between several', () => {
  assert.equal(pickInsertSectionAction([actions[1]!, actions[4]!], 'Renamed')?.title, 'Insert section "## Security"');
  assert.equal(pickInsertSectionAction(actions, 'Performance'), undefined);
});

void test('skips disabled actions', () => {
  const disabled = { ...actions[1]!, disabled: { reason: 'stale' } };
  assert.equal(pickInsertSectionAction([disabled], 'Security'), undefined);
});

void test('matches by title when the actions come back without their diagnostics', () => {
  const bare = actions.map(({ title, kind }) => ({ title, kind }));
  bare.push({ title: 'Move section "Security" to its template position', kind: { value: 'quickfix' } });
  assert.equal(pickInsertSectionAction(bare, 'Security')?.title, 'Insert section "## Security"');
  assert.equal(pickInsertSectionAction(bare, 'Active'), undefined, 'a fix that does not insert is never taken');
  assert.equal(pickInsertSectionAction([bare[1]!], 'Renamed'), undefined, 'no guess without diagnostics');
  assert.equal(pickInsertAllAction(bare)?.title, 'Insert all 4 missing sections');
});
