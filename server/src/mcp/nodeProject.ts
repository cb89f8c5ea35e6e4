/**
 * The project as the MCP server sees it on disk. Which documents are architecture documents,
 * against which template and with which settings is the policy's answer, the same as the
 * editor's and the CLI's (config file, per-glob templates, markers, opt-outs); documents and
 * templates named by a call are read only through `Roots`.
 */
import { promises as fs } from 'node:fs';
import { createLanguageService, findingOf, missingOf, nodesOf, summaryOf, type CheckSettings, type DriftFacts, type Schema } from '../core/index.ts';
import { describeRef, Policy, relativeTo, type Decision, type TemplateRef } from '../policy/index.ts';
import { GitDates } from '../repo/git.ts';
import { nodeFileAccess } from '../repo/nodeFileAccess.ts';
import { RepositoryFactsStore } from '../repo/store.ts';
import { loadBundledTemplates } from '../node/bundled.ts';
import { NodeWorkspace, pathToUri } from '../node/workspace.ts';
import { readText } from '../cli/files.ts';
import { replaceFile, writeNew } from '../cli/write.ts';
import type { McpOptions } from './main.ts';
import { Roots, ToolError } from './roots.ts';
import type { DocumentInput, Project } from './project.ts';

/** Text given inline is bounded like a file on disk. */
const MAX_BYTES = 5_000_000;

interface Loaded {
  readonly file?: string;
  readonly text: string;
  readonly schema: Schema;
  readonly template: string;
  readonly settings: CheckSettings;
  readonly checked: boolean;
  readonly reason: string;
  /** Whether the repository checks apply (the document's settings), for a document named by path. */
  readonly checkRepository: boolean;
}

const REASONS: Record<string, string> = {
  name: 'named like an architecture document',
  files: 'matched by the files globs of the configuration',
  marker: 'opted in with an archdoc marker',
  named: 'named by the call',
  untitled: 'given as text',
};

export async function createProject(roots: Roots, options: McpOptions): Promise<Project> {
  const engine = createLanguageService();
  const workspace = new NodeWorkspace();
  const policy = new Policy({
    workspace,
    registry: await loadBundledTemplates(workspace, options.bundledTemplates),
    engine,
    trusted: true,
    folders: () => roots.dirs.map(pathToUri),
    clientSettings: () => Promise.resolve({ maxFileSize: MAX_BYTES }),
  });
  const primary = pathToUri(roots.primary);

  /** A template a call names: a bundled id, or a file inside the roots. */
  async function namedTemplate(reference: string): Promise<TemplateRef> {
    if (policy.registry.has(reference)) return { kind: 'bundled', id: reference };
    return { kind: 'file', uri: pathToUri(await roots.existing(reference)) };
  }

  async function schemaOf(ref: TemplateRef, folder: string | undefined): Promise<Schema> {
    const loaded = await policy.templates.load(ref, folder ?? primary);
    if (!loaded.ok) throw new ToolError(loaded.error);
    return loaded.schema;
  }

  /** The template the project chooses for a document at `uri` (which need not exist). */
  async function chosenTemplate(uri: string): Promise<{ ref: TemplateRef; settings: CheckSettings }> {
    const outcome = await policy.settings(uri);
    if (!outcome.ok) throw new ToolError(`ArchDoc cannot use ${outcome.error.uri}: ${outcome.error.message}`);
    const chosen = policy.chooseTemplate(uri, outcome.settings, undefined);
    if ('error' in chosen) throw new ToolError(chosen.error);
    return { ref: chosen.ref, settings: { severity: outcome.settings.severity } };
  }

  function refused(decision: Decision): string | undefined {
    switch (decision.kind) {
      case 'config-error':
        return `ArchDoc cannot use ${decision.error.uri}: ${decision.error.message}`;
      case 'template-error':
        return decision.error;
      case 'too-large':
        return `the document is ${decision.bytes} bytes, larger than the limit of ${decision.limit} bytes`;
      default:
        return undefined;
    }
  }

  async function load(input: DocumentInput): Promise<Loaded> {
    if (input.path === undefined) {
      const text = input.text ?? '';
      const bytes = Buffer.byteLength(text);
      if (bytes > MAX_BYTES) throw new ToolError(`text of ${bytes} bytes is larger than the limit of ${MAX_BYTES} bytes`);
      const chosen = await chosenTemplate(`${primary}/ARCHITECTURE.md`);
      const ref = input.template === undefined ? chosen.ref : await namedTemplate(input.template);
      return { text, schema: await schemaOf(ref, primary), template: describeRef(ref), settings: chosen.settings, checked: true, reason: REASONS.untitled, checkRepository: false };
    }
    const file = await roots.existing(input.path);
    const read = await readText(file, MAX_BYTES);
    if ('error' in read) throw new ToolError(read.error.replace(file, input.path));
    const uri = pathToUri(file);
    const decision = await policy.decide({ uri, bytes: Buffer.byteLength(read.text), named: true, text: () => read.text });
    const refusal = refused(decision);
    if (refusal) throw new ToolError(`${input.path}: ${refusal}`);
    const checked = decision.kind === 'checked';
    const fromPolicy = decision.kind === 'checked' ? { ref: decision.template, settings: { severity: decision.settings.severity, selectedBy: decision.selectedBy } } : await chosenTemplate(uri);
    const ref = input.template === undefined ? fromPolicy.ref : await namedTemplate(input.template);
    const reason = decision.kind === 'checked' ? (REASONS[decision.reason] ?? decision.reason) : 'the document opts out of ArchDoc (archdoc: false)';
    const checkRepository = decision.kind === 'checked' && decision.settings.checkRepository;
    return { file, text: read.text, schema: await schemaOf(ref, policy.folderOf(uri)), template: describeRef(ref), settings: fromPolicy.settings, checked, reason, checkRepository };
  }

  /**
   * The repository facts of a document named by path, as the CLI gathers them: the root is the
   * policy's, and only a root inside the allowed roots is read. Gathered afresh on each call,
   * since the repository may have changed between calls.
   */
  async function factsOf(loaded: Loaded): Promise<DriftFacts | undefined> {
    if (loaded.file === undefined || !loaded.checkRepository) return undefined;
    const uri = pathToUri(loaded.file);
    const root = await policy.repositoryRoot(uri);
    if (root === undefined || !roots.dirs.some((dir) => relativeTo(pathToUri(dir), root.uri) !== undefined)) return undefined;
    return new RepositoryFactsStore({ access: nodeFileAccess(), git: new GitDates() }).gather(root, uri);
  }

  async function inspect(loaded: Loaded, text = loaded.text) {
    const analysis = engine.analyze(text, loaded.schema);
    return { analysis, diagnostics: engine.check(analysis, loaded.settings, await factsOf(loaded)) };
  }

  function header(input: DocumentInput, loaded: Loaded) {
    return { ...(input.path !== undefined ? { path: input.path } : {}), template: loaded.template, checked: loaded.checked, reason: loaded.reason };
  }

  return {
    roots,
    async templateSummary() {
      return engine.templateSummary(await schemaOf((await chosenTemplate(`${primary}/ARCHITECTURE.md`)).ref, primary));
    },
    async check(input) {
      const loaded = await load(input);
      const { analysis, diagnostics } = await inspect(loaded);
      const findings = diagnostics.map(findingOf);
      return { ...header(input, loaded), summary: summaryOf(findings), findings, sections: nodesOf(engine.outline(analysis, diagnostics).nodes) };
    },
    async outline(input) {
      const loaded = await load(input);
      const inspected = await inspect(loaded);
      const summary = engine.outline(inspected.analysis, inspected.diagnostics);
      const sections = nodesOf(summary.nodes);
      return {
        ...header(input, loaded),
        sectionsWritten: summary.sectionsWritten,
        sectionsRequired: summary.sectionsRequired,
        placeholders: summary.placeholders,
        missing: missingOf(sections),
        sections,
      };
    },
    async fix(input, write) {
      const loaded = await load(input);
      const fixed = engine.fix(loaded.text, loaded.schema, { today: options.today(), severity: loaded.settings.severity, selectedBy: loaded.settings.selectedBy });
      let written = false;
      if (write && fixed.changed && loaded.file) {
        await replaceFile(loaded.file, fixed.text);
        written = true;
      }
      const path = input.path !== undefined ? { path: input.path } : {};
      // The repository findings are reported with what is left, never fixed (as `archdoc check --fix`).
      const facts = await factsOf(loaded);
      const remaining = facts ? engine.check(engine.analyze(fixed.text, loaded.schema), loaded.settings, facts) : fixed.diagnostics;
      return { ...path, text: fixed.text, changed: fixed.changed, rounds: fixed.rounds, written, remaining: remaining.map(findingOf) };
    },
    async scaffold(input) {
      const target = await roots.creatable(input.path);
      const uri = pathToUri(target);
      const ref = input.template === undefined ? (await chosenTemplate(uri)).ref : await namedTemplate(input.template);
      const schema = await schemaOf(ref, policy.folderOf(uri));
      const date = input.date ?? options.today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ToolError(`date must be YYYY-MM-DD (got "${date}")`);
      const name = input.name ?? (await fs.realpath(roots.primary)).split(/[\\/]/).pop() ?? 'Project';
      const text = engine.render(schema, { name, date, status: input.status });
      await writeNew(target, text, false).catch((error: Error) => {
        throw new ToolError(error.message);
      });
      return { path: roots.display(target), template: describeRef(ref), written: true, text };
    },
    async section(query, where) {
      let ref: TemplateRef;
      let folder = primary;
      if (where.template !== undefined) ref = await namedTemplate(where.template);
      else if (where.path !== undefined) {
        const uri = pathToUri(await roots.existing(where.path));
        ref = (await chosenTemplate(uri)).ref;
        folder = policy.folderOf(uri) ?? primary;
      } else ref = (await chosenTemplate(`${primary}/ARCHITECTURE.md`)).ref;
      const schema = await schemaOf(ref, folder);
      const guide = engine.sectionGuide(schema, query, options.today());
      if (!guide) throw new ToolError(`no section "${query}" in the template; its sections are: ${engine.sectionTitles(schema).join(', ')}`);
      return { ...guide, template: describeRef(ref) };
    },
  };
}
