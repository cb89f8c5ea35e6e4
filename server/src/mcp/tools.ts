/**
 * The MCP tools: each reads its input, asks the project (engine, configuration and template
 * registry) and returns structured content. Refusals are `ToolError`s, which the SDK turns into
 * tool error results the agent can read; nothing here writes unless the call asks it to.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ToolError } from './roots.ts';
import type { DocumentInput, Project } from './project.ts';
import {
  checkOutput,
  documentInput,
  fixInput,
  fixOutput,
  newInput,
  newOutput,
  outlineOutput,
  sectionInput,
  sectionOutput,
} from './schemas.ts';

function result(structured: Record<string, unknown>, summary: string): CallToolResult {
  return { content: [{ type: 'text', text: `${summary}\n\n${JSON.stringify(structured, null, 2)}` }], structuredContent: structured };
}

/** Turns a refusal into the tool's error result; anything else is a defect and is reported as one. */
async function guarded(run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof ToolError ? error.message : `internal error: ${(error as Error).message ?? String(error)}`;
    return { isError: true, content: [{ type: 'text', text: message }] };
  }
}

function documentOf(args: { path?: string; text?: string; template?: string }): DocumentInput {
  if ((args.path === undefined) === (args.text === undefined)) throw new ToolError('give exactly one of "path" or "text"');
  return args;
}

/** Registers the tools; `template` says what the project's template expects, for their descriptions. */
export function registerTools(server: McpServer, project: Project, template: string): void {
  const TEMPLATE_HINT = `ArchDoc checks architecture documents (ARCHITECTURE.md) against the project's template, treated as a schema. ${template}`;
  server.registerTool(
    'archdoc_check',
    {
      title: 'Check an architecture document',
      description: `${TEMPLATE_HINT} Checks one document (a path, or its text) against its template, and a document given by path also against its repository (tree, environment variables, dependency versions, Last Updated, links), and returns every finding with a stable code, severity, message, 0-based range and data, plus each template section's state. Run it after editing ARCHITECTURE.md and before finishing: errors and warnings mean the document is not done.`,
      inputSchema: documentInput,
      outputSchema: checkOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const checked = await project.check(documentOf(args));
        const { summary } = checked;
        return result(checked as unknown as Record<string, unknown>, `${summary.errors} errors, ${summary.warnings} warnings, ${summary.information} information, ${summary.hints} hints against ${checked.template}.`);
      }),
  );

  server.registerTool(
    'archdoc_outline',
    {
      title: 'Outline of an architecture document',
      description: `${TEMPLATE_HINT} Returns the template-aware outline: every template section in template order with its state (complete, placeholders left, guidance left, empty, missing, out of order), the sections the author added, and the list of missing sections. Use it to plan what to write next.`,
      inputSchema: documentInput,
      outputSchema: outlineOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const outline = await project.outline(documentOf(args));
        return result(outline as unknown as Record<string, unknown>, `${outline.sectionsWritten} of ${outline.sectionsRequired} required sections written; ${outline.missing.length} missing.`);
      }),
  );

  server.registerTool(
    'archdoc_fix',
    {
      title: 'Apply the safe fixes',
      description:
        'Applies the fixes that are certain (the same as fix-all on save): they never rename, move, insert or re-level sections. Returns the fixed text and what is left for an author. It writes the file only when "write" is true (atomically), never otherwise.',
      inputSchema: fixInput,
      outputSchema: fixOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        if (args.write && args.path === undefined) throw new ToolError('"write" needs a "path"');
        const fixed = await project.fix(documentOf(args), args.write === true);
        return result(fixed as unknown as Record<string, unknown>, `${fixed.changed ? `Fixed in ${fixed.rounds} rounds` : 'Nothing to fix'}${fixed.written ? ' and written' : ''}; ${fixed.remaining.length} findings remain.`);
      }),
  );

  server.registerTool(
    'archdoc_new',
    {
      title: 'Scaffold a new architecture document',
      description: `${TEMPLATE_HINT} Writes a new document from the template with the project name, today's date and the first Status filled in. It never overwrites: an existing path is refused. Afterwards fill each section (archdoc_section gives its guidance) and run archdoc_check.`,
      inputSchema: newInput,
      outputSchema: newOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const made = await project.scaffold(args);
        return result(made as unknown as Record<string, unknown>, `Wrote ${made.path} from ${made.template}.`);
      }),
  );

  server.registerTool(
    'archdoc_section',
    {
      title: "A section's guidance and skeleton",
      description:
        "Returns what the template expects in one section: its guidance (what to write and why), its skeleton markdown (subsections, fields, tables and placeholders), whether it is optional, and its subsections. Use it before writing or rewriting a section, then replace every placeholder and guidance line with the project's facts.",
      inputSchema: sectionInput,
      outputSchema: sectionOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const section = await project.section(args.section, { template: args.template, path: args.path });
        return result(section as unknown as Record<string, unknown>, `${'#'.repeat(section.level)} ${section.title}${section.optional ? ' (optional)' : ''}`);
      }),
  );
}
