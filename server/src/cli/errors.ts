/**
 * The two ways a command fails. A usage error means the command line was wrong: the message
 * comes with that command's usage. Any other failure (a file exists, a template is broken) is
 * one line saying what happened, since the usage would not help.
 */

/** The command line is wrong; `command` names the subcommand whose usage applies. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** A failure that is not about the command line: reported as one line, exit code 2. */
export class CliError extends Error {}
