/**
 * `archdoc mcp` as an agent meets it: the real CLI over stdio, driven by the MCP SDK's own
 * client, which also validates every structured result against the tool's output schema.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ROOT } from '../helpers/core.ts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const VALID = readFileSync(path.join(ROOT, 'test', 'fixtures', 'valid', 'orbit-ledger.md'), 'utf8');
const TOOLS = ['archdoc_check', 'archdoc_fix', 'archdoc_new', 'archdoc_outline', 'archdoc_section'];

let root: string;
let outside: string;
let client: Client;

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function structured<T>(result: CallToolResult): T {
  assert.notEqual(result.isError, true, JSON.stringify(result.content));
  assert.ok(result.structuredContent, 'the tool returns structured content');
  return result.structuredContent as T;
}

function errorText(result: CallToolResult): string {
  assert.equal(result.isError, true, `expected a tool error, got ${JSON.stringify(result.structuredContent)}`);
  const [first] = result.content as { type: string; text: string }[];
  return first.text;
}

interface Finding {
  code: string;
  severity: string;
  range: { start: { line: number } };
  data?: unknown;
}

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'archdoc-mcp-'));
  outside = mkdtempSync(path.join(tmpdir(), 'archdoc-mcp-outside-'));
  writeFileSync(path.join(outside, 'secret.md'), '# Secret\n');
  mkdirSync(path.join(root, 'docs'));
  // The documents here describe no real repository; drift/ below has a config of its own.
  writeFileSync(path.join(root, '.archdoc.jsonc'), '{ "checkRepository": false }\n');
  writeFileSync(path.join(root, 'ARCHITECTURE.md'), VALID);
  writeFileSync(path.join(root, 'docs', 'draft.md'), VALID.replace('for Orbit Ledger,', 'for [Project Name],').replace(/\n## Security[\s\S]*?(?=\n## )/, '\n'));
  writeFileSync(path.join(root, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'link-out.md'));
  client = new Client({ name: 'archdoc-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--root', root], stderr: 'pipe' }));
});

after(async () => {
  await client.close();
});

describe('archdoc mcp', () => {
  test('lists the five tools, each with an object input schema, an output schema and a description', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.equal(tool.outputSchema?.type, 'object', tool.name);
      assert.ok((tool.description ?? '').length > 80, `${tool.name} tells the agent what it does`);
    }
    const check = tools.find((t) => t.name === 'archdoc_check');
    assert.ok(check?.inputSchema.properties && 'path' in check.inputSchema.properties && 'text' in check.inputSchema.properties);
    assert.match(check?.description ?? '', /Decision Log/, 'the description says what the template expects');
  });

  test('archdoc_check on a fully written document reports no warning or error and every section done', async () => {
    const result = structured<{ summary: { errors: number; warnings: number }; sections: { state: string }[]; findings: Finding[] }>(
      await call('archdoc_check', { path: 'ARCHITECTURE.md' }),
    );
    assert.equal(result.summary.errors + result.summary.warnings, 0, JSON.stringify(result.findings));
    assert.ok(result.sections.length >= 10);
    assert.ok(result.sections.every((s) => s.state === 'done'), JSON.stringify(result.sections.map((s) => s.state)));
  });

  test('archdoc_check reports a placeholder and a missing section with codes, ranges and data', async () => {
    const result = structured<{ findings: Finding[]; sections: { title: string; state: string }[] }>(await call('archdoc_check', { path: 'docs/draft.md' }));
    const codes = result.findings.map((f) => f.code);
    assert.ok(codes.includes('placeholder'), codes.join());
    assert.ok(codes.includes('missing-section'), codes.join());
    const placeholder = result.findings.find((f) => f.code === 'placeholder');
    assert.equal(placeholder?.range.start.line, 2);
    assert.equal(result.sections.find((s) => s.title === 'Security')?.state, 'missing');
  });

  test('archdoc_check takes text as well as a path', async () => {
    const result = structured<{ findings: Finding[] }>(await call('archdoc_check', { text: '# T\n\n**Status**: Done\n' }));
    assert.ok(result.findings.some((f) => f.code === 'invalid-value' && f.severity === 'error'));
  });

  test('archdoc_outline lists the missing sections', async () => {
    const result = structured<{ missing: { title: string }[]; sectionsWritten: number; sectionsRequired: number }>(
      await call('archdoc_outline', { path: 'docs/draft.md' }),
    );
    assert.ok(result.missing.some((m) => m.title === 'Security'));
    assert.ok(result.sectionsWritten < result.sectionsRequired);
  });

  test('archdoc_fix without write returns the text and leaves the file byte-identical', async () => {
    const file = path.join(root, 'docs', 'fixable.md');
    writeFileSync(file, VALID.replace('**Last Updated**: 2026-11-20', '**Last Updated**: 2026/11/20'));
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const result = structured<{ text: string; changed: boolean; written: boolean }>(await call('archdoc_fix', { path: 'docs/fixable.md' }));
    assert.equal(result.changed, true, 'there was something to fix');
    assert.notEqual(result.text, before.toString('utf8'));
    assert.equal(result.written, false);
    assert.ok(readFileSync(file).equals(before), 'the file is unchanged');
    assert.equal(statSync(file).mtimeMs, mtime);
  });

  test('archdoc_fix with write writes the safe fixes and a second run changes nothing', async () => {
    const file = path.join(root, 'docs', 'guidance.md');
    writeFileSync(file, VALID.replace('\n## Security', '\nHigh-level description of how the system is designed and why these choices were made.\n\n## Security'));
    const first = await call('archdoc_fix', { path: 'docs/guidance.md', write: true });
    const fixed = structured<{ changed: boolean; written: boolean; text: string }>(first);
    assert.equal(fixed.written, fixed.changed);
    assert.equal(readFileSync(file, 'utf8'), fixed.text);
    const second = structured<{ changed: boolean; written: boolean }>(await call('archdoc_fix', { path: 'docs/guidance.md', write: true }));
    assert.equal(second.changed, false);
    assert.equal(second.written, false);
  });

  test('archdoc_new scaffolds a document and never overwrites', async () => {
    const made = structured<{ path: string; text: string }>(await call('archdoc_new', { path: 'docs/NEW.md', name: 'Comet', date: '2026-01-02' }));
    assert.equal(made.path, 'docs/NEW.md');
    assert.match(readFileSync(path.join(root, 'docs', 'NEW.md'), 'utf8'), /Comet/);
    assert.match(errorText(await call('archdoc_new', { path: 'docs/NEW.md' })), /already exists/);
    assert.match(errorText(await call('archdoc_new', { path: 'ARCHITECTURE.md' })), /already exists/);
    assert.equal(readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8'), VALID);
  });

  test('archdoc_section gives the guidance and skeleton of a section', async () => {
    const section = structured<{ title: string; guidance: string; skeleton: string; subsections: string[] }>(
      await call('archdoc_section', { section: '## Decision Log' }),
    );
    assert.equal(section.title, 'Decision Log');
    assert.match(section.skeleton, /\*\*Rationale\*\*/);
    assert.deepEqual(section.subsections, ['Major Architectural Decisions']);
    const overview = structured<{ guidance: string }>(await call('archdoc_section', { section: 'overview' }));
    assert.match(overview.guidance, /High-level description of how the system is designed/);
    assert.match(errorText(await call('archdoc_section', { section: 'Nonexistent Section' })), /no section/);
  });

  test('refuses a missing file, a binary file, paths and links outside the root, and huge text, with clear errors', async () => {
    assert.match(errorText(await call('archdoc_check', { path: 'nope.md' })), /no such file/);
    assert.match(errorText(await call('archdoc_check', { path: 'binary.md' })), /binary/);
    assert.match(errorText(await call('archdoc_check', { path: '../x.md' })), /outside the allowed roots/);
    assert.match(errorText(await call('archdoc_check', { path: path.join(outside, 'secret.md') })), /outside the allowed roots/);
    assert.match(errorText(await call('archdoc_check', { path: 'link-out.md' })), /outside the allowed roots/);
    assert.match(errorText(await call('archdoc_new', { path: path.join(outside, 'ARCHITECTURE.md') })), /outside the allowed roots/);
    assert.equal(existsSync(path.join(outside, 'ARCHITECTURE.md')), false);
    assert.match(errorText(await call('archdoc_check', { text: 'x'.repeat(6_000_000) })), /larger than the limit/);
    assert.match(errorText(await call('archdoc_check', {})), /exactly one of/);
    assert.match(errorText(await call('archdoc_check', { path: 'ARCHITECTURE.md', template: '/etc/passwd' })), /outside the allowed roots/);
  });

  test('follows the project configuration: the template and severities a config file chooses', async () => {
    mkdirSync(path.join(root, 'svc'));
    writeFileSync(path.join(root, 'svc', 'service-template.md'), '# [Service] Service\n\n## Purpose\n\nWhat the service is for.\n\n## Runbook\n\nHow to operate it.\n');
    writeFileSync(path.join(root, 'svc', '.archdoc.jsonc'), '{\n  // the service template, and no placeholder findings\n  "template": "service-template.md",\n  "severity": { "placeholder": "off" }\n}\n');
    writeFileSync(path.join(root, 'svc', 'ARCHITECTURE.md'), '# [Service] Service\n\n## Purpose\n\nBills customers.\n');
    const result = structured<{ template: string; findings: Finding[]; sections: { title: string; state: string }[] }>(await call('archdoc_check', { path: 'svc/ARCHITECTURE.md' }));
    assert.match(result.template, /service-template\.md$/);
    assert.deepEqual(result.sections.map((s) => s.title), ['Purpose', 'Runbook']);
    assert.ok(!result.findings.some((f) => f.code === 'placeholder'), 'the config file turns placeholder off');
    const missing = result.findings.find((f) => f.code === 'missing-section');
    assert.ok(missing, 'Runbook is reported missing against the service template');
  });

  test('archdoc_check and archdoc_fix report repository findings as the CLI does, from the root the policy decides', async () => {
    mkdirSync(path.join(root, 'drift', 'src'), { recursive: true });
    writeFileSync(path.join(root, 'drift', '.archdoc.jsonc'), '{}\n');
    writeFileSync(path.join(root, 'drift', 'src', 'app.ts'), 'export const app = 1;\n');
    writeFileSync(path.join(root, 'drift', 'ARCHITECTURE.md'), '# Drift\n\n## Design Patterns\n\n### Code Organization\n\n```\ndrift/\n├── src/\n└── lib/\n```\n');
    const stale = (findings: Finding[]) => findings.filter((f) => f.code === 'stale-path').map((f) => f.range.start.line);
    assert.deepEqual(stale(structured<{ findings: Finding[] }>(await call('archdoc_check', { path: 'drift/ARCHITECTURE.md' })).findings), [9]);
    assert.deepEqual(stale(structured<{ remaining: Finding[] }>(await call('archdoc_fix', { path: 'drift/ARCHITECTURE.md' })).remaining), [9], 'reported with what is left, never fixed');
    mkdirSync(path.join(root, 'drift', 'lib'));
    writeFileSync(path.join(root, 'drift', 'lib', 'helpers.ts'), 'export const helper = 1;\n');
    assert.deepEqual(stale(structured<{ findings: Finding[] }>(await call('archdoc_check', { path: 'drift/ARCHITECTURE.md' })).findings), [], 'each call reads the repository as it is now');
  });

  test('the server still answers after every refusal', async () => {
    const result = structured<{ summary: { errors: number } }>(await call('archdoc_check', { text: VALID }));
    assert.equal(result.summary.errors, 0);
  });
});
