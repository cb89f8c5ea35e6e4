/**
 * The project as the MCP server sees it on disk: documents and templates read through `Roots`,
 * the template and settings chosen by the same policy as the editor's and the CLI's (config
 * file, per-glob templates, markers), the engine doing the rest.
 */
import * as path from 'node:path';
import { createLanguageService, findingOf, missingOf, nodesOf, summaryOf, type CheckSettings, type Schema } from '../core/index.ts';
import { createCliPolicy } from '../cli/project.ts';
import { describeConfigError, type Policy, type TemplateRef } from '../policy/index.ts';
import { pathToUri, uriToPath } from '../node/workspace.ts';
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
  readonly settings: CheckSettings;
}

export function createProject(roots: Roots, options: McpOptions): Project {
  const engine = createLanguageService();
  let policyOnce: Promise<Policy> | undefined;
  const policy = (): Promise<Policy> => (policyOnce ??= createCliPolicy(engine, options.bundledTemplates, process.cwd()));

  function labelOf(ref: TemplateRef): string {
    if (ref.kind === 'bundled') return ref.id;
    const file = uriToPath(ref.uri);
    return file === undefined ? ref.uri : roots.display(file);
  }

  async function loadRef(ref: TemplateRef, file: string | undefined): Promise<{ schema: Schema; label: string }> {
    const p = await policy();
    const loaded = await p.templates.load(ref, file === undefined ? undefined : p.folderOf(pathToUri(file)));
    if (!loaded.ok) throw new ToolError(`template ${loaded.error}`);
    return { schema: loaded.schema, label: labelOf(ref) };
  }

  /** The project's choice for a document: its template and severities, as the editor and CI see them. */
  async function chosenFor(file: string, text: string): Promise<{ schema: Schema; label: string; settings: CheckSettings }> {
    const p = await policy();
    const decision = await p.decide({ uri: pathToUri(file), bytes: Buffer.byteLength(text), text: () => text, named: true });
    if (decision.kind === 'config-error') throw new ToolError(describeConfigError(decision.error, roots.display(uriToPath(decision.error.uri) ?? decision.error.uri)));
    if (decision.kind === 'template-error') throw new ToolError(decision.error);
    if (decision.kind === 'too-large') throw new ToolError(`${roots.display(file)} is larger than the limit of ${decision.limit} bytes`);
    if (decision.kind === 'ignored') throw new ToolError(`${roots.display(file)} opts out of ArchDoc (archdoc: false)`);
    return { ...(await loadRef(decision.template, file)), settings: { severity: decision.settings.severity } };
  }

  async function schemaOf(reference: string | undefined, near?: string): Promise<{ schema: Schema; label: string }> {
    const p = await policy();
    if (reference === undefined && near !== undefined) {
      const uri = pathToUri(near);
      const outcome = await p.settings(uri);
      if (!outcome.ok) throw new ToolError(describeConfigError(outcome.error, roots.display(uriToPath(outcome.error.uri) ?? outcome.error.uri)));
      const chosen = p.chooseTemplate(uri, outcome.settings, undefined);
      if ('error' in chosen) throw new ToolError(chosen.error);
      return loadRef(chosen.ref, near);
    }
    const id = reference ?? p.registry.defaultId;
    if (p.registry.has(id)) return loadRef({ kind: 'bundled', id }, undefined);
    const file = await roots.existing(id);
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
    if (input.template === undefined && file !== undefined) {
      const chosen = await chosenFor(file, text);
      return { file, text, schema: chosen.schema, template: chosen.label, settings: chosen.settings };
    }
    const { schema, label } = await schemaOf(input.template);
    return { file, text, schema, template: label, settings: {} };
  }

  function inspect(loaded: Loaded) {
    const analysis = engine.analyze(loaded.text, loaded.schema);
    const diagnostics = engine.check(analysis, loaded.settings);
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
      const fixed = engine.fix(loaded.text, loaded.schema, { today: options.today(), severity: loaded.settings.severity });
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
      const { schema, label } = await schemaOf(input.template, target);
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
      const near = where.path === undefined || where.template !== undefined ? undefined : await roots.existing(where.path);
      const { schema, label } = await schemaOf(where.template, near);
      const guide = engine.sectionGuide(schema, query, options.today());
      if (!guide) throw new ToolError(`no section "${query}" in the template; its sections are: ${engine.sectionTitles(schema).join(', ')}`);
      return { ...guide, template: label };
    },
  };
}
