/**
 * `npm run devices -- <command>`: store hardware from the command line, for technicians
 * setting up a register. Commands live in a table so more (scan, list) slot in next to
 * print-test without touching the dispatch.
 */
import { pathToFileURL } from 'node:url';
import { UsageError } from './cli/cli-command';
import type { CliCommand, CliIo } from './cli/cli-command';
import { printTestCommand } from './cli/print-test-command';
import { listCommand, scanCommand } from './scanner/scanner-cli';

export const COMMANDS: readonly CliCommand[] = [printTestCommand, scanCommand, listCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: npm run devices -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run a command with --help for its options.',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${overview()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // parseArgs reports unknown options with a TypeError carrying an ERR_PARSE_ARGS code.
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`${(error as Error).message}\n\n${command.usage}`);
      return 2;
    }
    io.err(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const consoleIo: CliIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2), consoleIo);
}
