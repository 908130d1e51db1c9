/** One subcommand of `npm run devices`: its name, its help, and what it does. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help, shown by `<command> --help`. */
  usage: string;
  /** Resolves to the process exit code: 0 done, 1 the device failed, 2 bad arguments. */
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
