/**
 * The project as the MCP server sees it on disk: documents and templates read through `Roots`,
 * the engine doing the rest.
 */
import * as path from 'node:path';
import {
  analyze,
  checkDocument,
  compileTemplate,
  parseDocument,
  renderDocument,
  type Schema,
} from '../core/index.ts';
import { outline } from '../core/features/outline.ts';
import { codeActions, FIX_ALL_KIND } from '../core/features/codeActions.ts';
import { applyEdits } from '../core/features/edits.ts';
import { readText, writeNew } from '../cli/files.ts';
import { findingOf, missingOf, nodesOf, summaryOf } from '../core/features/findings.ts';
import { findSection, sectionGuide, sectionTitles } from '../core/features/sectionGuide.ts';
import type { McpOptions } from './main.ts';
import { Roots, ToolError } from './roots.ts';
import type { DocumentInput, Project } from './project.ts';

/** Text given inline is bounded like a file on disk. */
const MAX_BYTES = 5_000_000;
const MAX_TEMPLATE_BYTES = 1024 * 1024;

interface Loaded {
  readonly file?: string;
  readonly text: string;
  readonly schema: Schema;
  readonly template: string;
}

export function createProject(roots: Roots, options: McpOptions): Project {
  const bundled = path.join(options.bundledTemplates, 'ARCHITECTURE.md');

  async function schemaOf(reference: string | undefined): Promise<{ schema: Schema; label: string }> {
    const file = reference === undefined || reference === 'architecture' ? bundled : await roots.existing(reference);
    const read = await readText(file, MAX_TEMPLATE_BYTES);
    if ('error' in read) throw new ToolError(`template ${read.error}`);
    const compiled = compileTemplate(read.text);
    if (compiled.error !== undefined) throw new ToolError(`template ${reference}: ${compiled.error}`);
    return { schema: compiled.schema, label: reference ?? 'architecture' };
  }

  async function load(input: DocumentInput): Promise<Loaded> {
    let text: string;
    let file: string | undefined;
    if (input.path !== undefined) {
      file = await roots.existing(input.path);
      const read = await readText(file, MAX_BYTES);
      if ('error' in read) throw new ToolError(read.error.replace(file, input.path));
      text = read.text;
    } else {
      text = input.text ?? '';
      if (Buffer.byteLength(text) > MAX_BYTES) throw new ToolError(`text of ${Buffer.byteLength(text)} bytes is larger than the limit of ${MAX_BYTES} bytes`);
    }
    const { schema, label } = await schemaOf(input.template);
    return { file, text, schema, template: label };
  }

  function inspect(loaded: Loaded) {
    const analysis = analyze(parseDocument(loaded.text), loaded.schema);
    const diagnostics = checkDocument(analysis);
    return { analysis, diagnostics };
  }

  function header(input: DocumentInput, loaded: Loaded) {
    return { ...(input.path !== undefined ? { path: input.path } : {}), template: loaded.template, checked: true };
  }

  return {
    roots,
    async check(input) {
      const loaded = await load(input);
      const { analysis, diagnostics } = inspect(loaded);
      const findings = diagnostics.map(findingOf);
      return { ...header(input, loaded), summary: summaryOf(findings), findings, sections: nodesOf(outline(analysis).nodes) };
    },
    async outline(input) {
      const loaded = await load(input);
      const summary = outline(inspect(loaded).analysis);
      const sections = nodesOf(summary.nodes);
      return {
        ...header(input, loaded),
        sectionsPresent: summary.sectionsPresent,
        sectionsRequired: summary.sectionsRequired,
        placeholders: summary.placeholders,
        missing: missingOf(sections),
        sections,
      };
    },
    async fix(input, write) {
      const loaded = await load(input);
      let text = loaded.text;
      let applied = 0;
      for (let round = 0; round < 10; round++) {
        const { analysis, diagnostics } = inspect({ ...loaded, text });
        const zero = { line: 0, character: 0 };
        const [action] = codeActions(analysis, diagnostics, { start: zero, end: zero }, { uri: 'mcp:doc', today: options.today(), only: [FIX_ALL_KIND] });
        const edits = action?.edit?.changes?.['mcp:doc'] ?? [];
        if (edits.length === 0) break;
        const next = applyEdits(text, edits);
        if (next === text) break;
        applied += action?.diagnostics?.length ?? 0;
        text = next;
      }
      const changed = text !== loaded.text;
      let written = false;
      if (write && changed && loaded.file) {
        await writeNew(loaded.file, text, true);
        written = true;
      }
      const remaining = inspect({ ...loaded, text }).diagnostics.map(findingOf);
      return { ...(input.path !== undefined ? { path: input.path } : {}), text, changed, applied, written, remaining };
    },
    async scaffold(input) {
      const target = await roots.creatable(input.path);
      const { schema, label } = await schemaOf(input.template);
      const date = input.date ?? options.today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ToolError(`date must be YYYY-MM-DD (got "${date}")`);
      const name = input.name ?? path.basename(path.dirname(target));
      const text = renderDocument(schema, { name, date, status: input.status });
      await writeNew(target, text, false).catch((error: Error) => {
        throw new ToolError(error.message);
      });
      return { path: roots.display(target), template: label, written: true, text };
    },
    async section(query, where) {
      const { schema, label } = await schemaOf(where.template);
      const section = findSection(schema, query);
      if (!section) {
        throw new ToolError(`no section "${query}" in the template; its sections are: ${sectionTitles(schema).join(', ')}`);
      }
      return { ...sectionGuide(schema, section, options.today()), template: label };
    },
  };
}
