/** What a command needs from the process, so that tests can run commands in process too. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The folder of the bundled templates. */
  readonly bundledTemplates: string;
  /** Today's date as `YYYY-MM-DD`. */
  readonly today: () => string;
  readonly version: string;
}

/** A command-line flag's help option, shared by every subcommand. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;
