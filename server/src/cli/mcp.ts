/** `archdoc mcp`: the MCP server for coding agents, loaded from its own bundle only for this command. */
import type { Io } from './io.ts';
import { usage } from './usage.ts';

export async function mcp(args: readonly string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(usage('mcp'));
    return 0;
  }
  // esbuild.mjs turns this import into a require of dist/mcp.js, so `check` never loads the MCP SDK.
  const { serveMcp } = await import('../mcp/main.ts');
  return serveMcp(args, { version: io.version, bundledTemplates: io.bundledTemplates, today: io.today });
}
