/**
 * New documents: any project name comes out verbatim (line breaks as spaces) in a document
 * whose only findings are placeholders and template text; and `archdoc new` never loses a
 * file: no overwrite without --force, no write through a symlink, no directory replaced, no
 * temporary or partial file left behind, whether it succeeds or fails.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { engine, bundledSchema, diagnose, ROOT } from '../helpers/core.ts';
import { projectName } from './helpers/documents.ts';
import { check } from './helpers/property.ts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const DATE = '2026-11-25';
const ALLOWED = new Set(['placeholder', 'template-text']);

function cli(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'archdoc-reliability-'));
}

/** What the document must say about the project: its name, line breaks turned to spaces. */
function expectedLine(name: string): string {
  return `Technical design documentation for ${name.replace(/\r\n|\r|\n/g, ' ')}.`;
}

function assertOnlyTemplateFindings(text: string): void {
  const unexpected = diagnose(text).filter((d) => !ALLOWED.has(String(d.code)));
  assert.deepEqual(unexpected.map((d) => `${d.range.start.line + 1}:${String(d.code)} ${String(d.message)}`), []);
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.startsWith('.'));
}

describe('a new document with any project name', () => {
  it('names the project verbatim and has no findings but placeholders and template text', () => {
    const schema = bundledSchema();
    check(
      fc.property(projectName, (name) => {
        const text = engine.render(schema, { name, date: DATE });
        assert.ok(text.split(/\r\n|\r|\n/).includes(expectedLine(name)), `the name is not verbatim on its line: ${JSON.stringify(name)}`);
        assertOnlyTemplateFindings(text);
      }),
      400,
    );
  });

  it('written by `archdoc new`, names the project verbatim in the file', () => {
    const dir = tempDir();
    try {
      const names = fc.sample(projectName, { seed: 7, numRuns: 12 }).filter((n) => !n.includes('\u0000'));
      names.forEach((name, i) => {
        const file = path.join(dir, `doc${i}.md`);
        const r = cli(['new', file, '--name', name, '--date', DATE], dir);
        assert.equal(r.code, 0, `${JSON.stringify(name)}: ${r.err}`);
        const text = readFileSync(file, 'utf8');
        assert.ok(text.includes(expectedLine(name)), `the name is not verbatim: ${JSON.stringify(name)}`);
        assertOnlyTemplateFindings(text);
      });
      assert.deepEqual(leftovers(dir), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('archdoc new never loses a file', () => {
  it('refuses to replace an existing file without --force and leaves it as it was', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'ARCHITECTURE.md');
      writeFileSync(file, 'precious\n');
      const r = cli(['new', file, '--name', 'X'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /already exists.*--force/);
      assert.equal(readFileSync(file, 'utf8'), 'precious\n');
      assert.deepEqual(leftovers(dir), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces a file with --force in one step and leaves no temporary file', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'ARCHITECTURE.md');
      writeFileSync(file, 'old\n');
      const r = cli(['new', file, '--name', 'X', '--force'], dir);
      assert.equal(r.code, 0, r.err);
      assert.ok(readFileSync(file, 'utf8').startsWith('# Architecture'));
      assert.deepEqual(readdirSync(dir), ['ARCHITECTURE.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a directory as its target, with or without --force, and leaves it alone', () => {
    const dir = tempDir();
    try {
      const target = path.join(dir, 'ARCHITECTURE.md');
      mkdirSync(target);
      writeFileSync(path.join(target, 'inside.md'), 'kept\n');
      for (const extra of [[], ['--force']]) {
        const r = cli(['new', target, '--name', 'X', ...extra], dir);
        assert.equal(r.code, 2, r.err);
        assert.match(r.err, /directory/);
      }
      assert.equal(readFileSync(path.join(target, 'inside.md'), 'utf8'), 'kept\n');
      assert.deepEqual(leftovers(dir), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never writes through a symlink to the file it points at, with or without --force', () => {
    const dir = tempDir();
    const outside = tempDir();
    try {
      const victim = path.join(outside, 'victim.md');
      writeFileSync(victim, 'outside\n');
      const link = path.join(dir, 'ARCHITECTURE.md');
      symlinkSync(victim, link);
      const r = cli(['new', link, '--name', 'X'], dir);
      assert.equal(r.code, 2);
      cli(['new', link, '--name', 'X', '--force'], dir);
      assert.equal(readFileSync(victim, 'utf8'), 'outside\n', 'the file behind the link was written');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a symlink as its target even with --force, leaving the link in place', () => {
    const dir = tempDir();
    const outside = tempDir();
    try {
      const victim = path.join(outside, 'victim.md');
      writeFileSync(victim, 'outside\n');
      const link = path.join(dir, 'ARCHITECTURE.md');
      symlinkSync(victim, link);
      const forced = cli(['new', link, '--name', 'X', '--force'], dir);
      assert.equal(forced.code, 2, `--force replaced the symlink with a file instead of refusing it (${forced.err.trim()})`);
      assert.ok(lstatSync(link).isSymbolicLink());
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('leaves nothing behind when it cannot write (the parent is a file) or the template is broken', () => {
    const dir = tempDir();
    try {
      writeFileSync(path.join(dir, 'file'), 'x');
      const r = cli(['new', path.join(dir, 'file', 'ARCHITECTURE.md'), '--name', 'X'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /^archdoc: /);
      const template = path.join(dir, 'template.md');
      writeFileSync(template, 'no headings at all\n');
      const broken = cli(['new', path.join(dir, 'ARCHITECTURE.md'), '--name', 'X', '--template', template], dir);
      assert.equal(broken.code, 2);
      assert.match(broken.err, /no headings/);
      assert.equal(existsSync(path.join(dir, 'ARCHITECTURE.md')), false);
      assert.deepEqual(readdirSync(dir).sort(), ['file', 'template.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
