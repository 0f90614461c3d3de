/** One `provisio` sub-command. */
export interface Command {
  readonly name: string;
  /** One line for the help listing. */
  readonly summary: string;
  /** Usage text shown by `provisio help <name>`. */
  readonly usage: string;
  /** Runs the command; resolves with the process exit code. */
  run(argv: readonly string[]): Promise<number>;
}

/** Writes progress or a summary line for people on stderr (stdout is kept for --json output). */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}
