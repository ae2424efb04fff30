/**
 * The `clauselint` command: parse the arguments, run one command, return the
 * exit code (0 clean, 1 findings at or above --fail-on, 2 usage or config
 * error). Commands are loaded on demand, so --help and --version do not load
 * the engine.
 */
import { Command, parseCommandLine } from './args';
import { CliError, EXIT_CLEAN, EXIT_USAGE } from './cliError';
import { packageVersion } from '../io/packageVersion';
import { helpText } from './help';
import { Io, processIo } from './io';

async function run(command: Command, io: Io): Promise<number> {
  switch (command.command) {
    case 'help':
      io.stdout(helpText());
      return EXIT_CLEAN;
    case 'version':
      io.stdout(packageVersion() + '\n');
      return EXIT_CLEAN;
    case 'lint':
      return (await import('./lintCommand')).runLint(command, io);
    case 'test-rules':
      return (await import('./testRules')).runTestRules(command, io);
    case 'explain':
      return (await import('./explain')).runExplain(command, io);
    case 'exceptions':
      return (await import('./exceptions/exceptionsCommand')).runExceptions(command, io);
    case 'init':
      return (await import('./init/initCommand')).runInit(command, io);
  }
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    return await run(parseCommandLine(argv), io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`clauselint: ${err.message}\n`);
      if (err.showUsageHint) io.stderr('Run "clauselint --help" for usage.\n');
      return EXIT_USAGE;
    }
    // A bug, not a user error: say so, with the stack when asked for.
    const e = err as Error;
    io.stderr(`clauselint: internal error: ${e.message}\n`);
    io.stderr(io.env.CLAUSELINT_DEBUG ? `${e.stack}\n` : 'Set CLAUSELINT_DEBUG=1 for the stack trace, and please report it.\n');
    return EXIT_USAGE;
  }
}
