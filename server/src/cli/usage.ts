/** What `archdoc --help` and `archdoc COMMAND --help` print. */

const CHECK = `Usage: archdoc check [options] PATH...

Checks architecture documents against the template. PATH is a file (checked whatever its
name), a directory (its ARCHITECTURE.md and architecture.md files and docs/architecture/**/*.md)
or a glob. Each document is also checked against its repository (the folder holding
.archdoc.jsonc, else the git root, else the current folder): its Code Organization tree,
Environment Variables table, library versions, Last Updated date and links.

Options:
  --template FILE        the template to check against (default: the bundled one)
  --format FORMAT        text (default), json, sarif or github (workflow annotations)
  --severity CODE=LEVEL  error, warning, information, hint or off for one code; repeatable
  --fix                  apply the safe fixes (as fix-all in the editor) before reporting;
                         only files that change are written, atomically
  --max-size BYTES       refuse larger documents (default 50 MB)
  --document-only        check against the template only, not against the repository
  -h, --help             show this help

Exit status: 0 no warning or error (after fixing, with --fix); 1 warnings or errors; 2 bad
usage, an unreadable file or a broken template.
`;

const NEW = `Usage: archdoc new [options] PATH

Writes a new document from the template, with the project name, today's date and the first
Status filled in. Never replaces an existing file without --force, and writes atomically.

Options:
  --name NAME            the project name (default: the target folder's name)
  --template FILE        the template to write from (default: the bundled one)
  --date YYYY-MM-DD      the date to fill in (default: today)
  --status VALUE         the Status to fill in (default: Draft)
  --force                replace an existing file
  -h, --help             show this help
`;

const MCP = `Usage: archdoc mcp [--root DIR]...

Serves ArchDoc's tools (archdoc_check, archdoc_outline, archdoc_fix, archdoc_new, archdoc_section)
to a coding agent over the Model Context Protocol on stdio. Paths are resolved against the first
root; nothing outside the roots is read or written, and files are written only when a tool call
asks for it. Default root: the current directory.

Options:
  --root DIR             a folder the tools may reach; repeatable
  -h, --help             show this help
`;

const MAIN = `Usage:
  archdoc check [--template FILE] [--format text|json|sarif|github] [--severity CODE=LEVEL]... [--fix] [--document-only] PATH...
  archdoc new PATH [--name NAME] [--template FILE] [--date YYYY-MM-DD] [--status VALUE] [--force]
  archdoc mcp [--root DIR]...
  archdoc --version | --help
  archdoc COMMAND --help

check  Checks architecture documents against the template; --fix applies the safe fixes first.
new    Writes a new document from the template. Never replaces an existing file without --force.
mcp    Serves the checks to coding agents over the Model Context Protocol (stdio).
`;

export const USAGE: Readonly<Record<string, string>> = { check: CHECK, new: NEW, mcp: MCP };

/** The usage for `command`, or the overview of every command. */
export function usage(command?: string): string {
  return (command !== undefined && USAGE[command]) || MAIN;
}
