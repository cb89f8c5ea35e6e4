/** Documents and templates shared by the protocol tests. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './harness.ts';

/** A fully written architecture document: it reports nothing against the bundled template. */
export const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');

/** A small team template: two required sections, one typed field. */
export const TEAM_TEMPLATE = ['# Service Note', '', '## Purpose', '', 'Why the service exists.', '', '## Risks', '', 'What could go wrong.', '', '**Status**: [Draft | Final]', ''].join('\n');

export const line = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));
