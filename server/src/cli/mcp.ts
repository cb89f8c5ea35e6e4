/** `archdoc mcp`: the MCP server for coding agents, loaded from its own bundle only for this command. */
import * as path from 'node:path';
import type { Io } from './io.ts';
import { usage } from './usage.ts';

export async function mcp(args: readonly string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(usage('mcp'));
    return 0;
  }
  // esbuild.mjs turns this import into a require of dist/mcp.js, so `check` never loads the MCP SDK.
  const { serveMcp } = await import('../mcp/main.ts');
  return serveMcp(args, { version: io.version, bundledTemplates: path.dirname(io.bundledTemplate), today: io.today });
}
