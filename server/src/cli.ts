/**
 * `archdoc`: the engine on the command line. Each command lives in `cli/` (`check.ts` with
 * `--fix`, `new.ts`, `mcp.ts`); this file picks the command and turns failures into messages.
 *
 * Exit codes: 0 nothing of severity warning or error; 1 something was; 2 bad usage, an
 * unreadable file or a broken template.
 */
import { check } from './cli/check.ts';
import { UsageError } from './cli/errors.ts';
import type { Io } from './cli/io.ts';
import { mcp } from './cli/mcp.ts';
import { scaffold } from './cli/new.ts';
import { bundledTemplateFolder } from './node/bundled.ts';
import { usage, USAGE } from './cli/usage.ts';

declare const __ARCHDOC_VERSION__: string | undefined;
const VERSION = typeof __ARCHDOC_VERSION__ === 'string' ? __ARCHDOC_VERSION__ : '0.0.0-dev';

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: Io) => Promise<number>>> = { check, new: scaffold, mcp };

export async function main(argv: readonly string[], io: Omit<Io, 'version'>): Promise<number> {
  const [command, ...rest] = argv;
  const full: Io = { ...io, version: VERSION };
  try {
    if (command === '--version' || command === '-v') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h') {
      (command === undefined ? io.err : io.out)(usage());
      return command === undefined ? 2 : 0;
    }
    if (command === 'help') {
      io.out(usage(rest[0]));
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(rest, full);
  } catch (error) {
    const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseError) {
      const scope = error instanceof UsageError ? error.command : command !== undefined && command in USAGE ? command : undefined;
      io.err(`archdoc: ${(error as Error).message}\n\n${usage(scope)}`);
      return 2;
    }
    // Anything else (a CliError, or a failure nobody foresaw) is one line: the usage would not help.
    io.err(`archdoc: ${(error as Error).message || String(error)}\n`);
    return 2;
  }
}

function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    bundledTemplates: bundledTemplateFolder(__dirname),
    today,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`archdoc: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
