/**
 * `archdoc mcp`: the engine as a Model Context Protocol server over stdio, for coding agents.
 *
 *   archdoc mcp [--root DIR]...
 *
 * Roots default to the working directory. Tools never read outside them and write only when a
 * call asks for it. Logs go to stderr: stdout carries the protocol.
 */
import { parseArgs } from 'node:util';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { Roots } from './roots.ts';
import { registerTools } from './tools.ts';
import { createProject } from './nodeProject.ts';

export interface McpOptions {
  readonly version: string;
  readonly bundledTemplates: string;
  readonly today: () => string;
}

/** Serves until the client closes the connection; resolves with the exit code. */
export async function serveMcp(args: readonly string[], options: McpOptions): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { root: { type: 'string', multiple: true } }, strict: true });
  const roots = await Roots.of((values.root as string[] | undefined) ?? [process.cwd()]);
  const server = new McpServer(
    { name: 'archdoc', version: options.version },
    {
      instructions:
        'ArchDoc checks architecture documents (ARCHITECTURE.md) against their template. Before finishing work that touches the architecture or its document, call archdoc_check on the document and resolve its errors and warnings; use archdoc_section for what a section should hold and archdoc_fix for the safe mechanical fixes.',
    },
  );
  const project = createProject(roots, options);
  registerTools(server, project, await project.templateSummary());
  const closed = new Promise<number>((resolve) => {
    server.server.onclose = () => resolve(0);
  });
  // The SDK's transport does not notice the end of its input; a client that goes away ends the server.
  process.stdin.once('end', () => void server.close());
  await server.connect(new StdioServerTransport());
  return closed;
}
