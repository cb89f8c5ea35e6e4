/**
 * The project as the MCP server sees it on disk: documents and templates read through `Roots`,
 * the engine doing the rest.
 */
import * as path from 'node:path';
import { createLanguageService, findingOf, missingOf, nodesOf, summaryOf, type Schema } from '../core/index.ts';
import { readText } from '../cli/files.ts';
import { replaceFile, writeNew } from '../cli/write.ts';
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
  const engine = createLanguageService();

  async function schemaOf(reference: string | undefined): Promise<{ schema: Schema; label: string }> {
    const file = reference === undefined || reference === 'architecture' ? bundled : await roots.existing(reference);
    const read = await readText(file, MAX_TEMPLATE_BYTES);
    if ('error' in read) throw new ToolError(`template ${read.error}`);
    const compiled = engine.compileTemplate(read.text);
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
    const analysis = engine.analyze(loaded.text, loaded.schema);
    const diagnostics = engine.check(analysis);
    return { analysis, diagnostics };
  }

  function header(input: DocumentInput, loaded: Loaded) {
    return { ...(input.path !== undefined ? { path: input.path } : {}), template: loaded.template, checked: true };
  }

  return {
    roots,
    async templateSummary() {
      return engine.templateSummary((await schemaOf(undefined)).schema);
    },
    async check(input) {
      const loaded = await load(input);
      const { analysis, diagnostics } = inspect(loaded);
      const findings = diagnostics.map(findingOf);
      return { ...header(input, loaded), summary: summaryOf(findings), findings, sections: nodesOf(engine.outline(analysis).nodes) };
    },
    async outline(input) {
      const loaded = await load(input);
      const summary = engine.outline(inspect(loaded).analysis);
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
      const fixed = engine.fix(loaded.text, loaded.schema, { today: options.today() });
      const text = fixed.text;
      const rounds = fixed.rounds;
      const changed = text !== loaded.text;
      let written = false;
      if (write && changed && loaded.file) {
        await replaceFile(loaded.file, text);
        written = true;
      }
      const remaining = fixed.diagnostics.map(findingOf);
      return { ...(input.path !== undefined ? { path: input.path } : {}), text, changed, rounds, written, remaining };
    },
    async scaffold(input) {
      const target = await roots.creatable(input.path);
      const { schema, label } = await schemaOf(input.template);
      const date = input.date ?? options.today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ToolError(`date must be YYYY-MM-DD (got "${date}")`);
      const name = input.name ?? path.basename(path.dirname(target));
      const text = engine.render(schema, { name, date, status: input.status });
      await writeNew(target, text, false).catch((error: Error) => {
        throw new ToolError(error.message);
      });
      return { path: roots.display(target), template: label, written: true, text };
    },
    async section(query, where) {
      const { schema, label } = await schemaOf(where.template);
      const guide = engine.sectionGuide(schema, query, options.today());
      if (!guide) throw new ToolError(`no section "${query}" in the template; its sections are: ${engine.sectionTitles(schema).join(', ')}`);
      return { ...guide, template: label };
    },
  };
}
