/**
 * The command line: a thin yargs layer over the library. Exit codes: 0 ok, 1 a file would
 * change (--check) or lint findings, 2 usage/input error, 3 a bug in msb (one line; --debug
 * prints the stack).
 */
import yargs from 'yargs';
import { codemodCommand } from './commands/codemod';
import { convertCommand } from './commands/convert';
import { detectCommand } from './commands/detect';
import { verifyCommand } from './commands/verify';
import { lintCommand } from './commands/lint';
import { EXIT_ERROR, EXIT_INTERNAL, internalErrorLine, isMsbError } from './errors';

export async function main(argv: string[]): Promise<void> {
  try {
    await yargs(argv)
      .scriptName('msb')
      .usage('$0 <command> [options]')
      .command(convertCommand)
      .command(detectCommand)
      .command(codemodCommand)
      .command(verifyCommand)
      .command(lintCommand)
      .option('color', { type: 'boolean', describe: 'Colours: default on a terminal only; --no-color (or NO_COLOR) turns them off' })
      .demandCommand(1, 'name a command: convert, detect')
      .strict()
      .recommendCommands()
      .option('debug', { type: 'boolean', default: false, global: true, describe: 'Print the stack trace of an internal error (a bug in msb)' })
      .epilogue('Exit codes: 0 ok (converted, or skipped/unchanged with the reason), 1 a file would change (--check) or lint findings, 2 usage or input error, 3 internal error (a bug in msb: please report it).')
      .fail((message, error) => {
        // Errors thrown by command handlers arrive here too: let the outer handler report them.
        if (error && (isMsbError(error) || !message)) throw error;
        process.stderr.write(`msb: ${message ?? error?.message}\nRun "msb --help" for usage.\n`);
        process.exit(EXIT_ERROR);
      })
      .help()
      .version()
      .parseAsync();
  } catch (error) {
    if (isMsbError(error)) {
      process.stderr.write(`msb: ${error.toOneLine()}\n`);
      process.exitCode = EXIT_ERROR;
      return;
    }
    process.stderr.write(`msb: ${internalErrorLine(error)}\n`);
    if (argv.includes('--debug') && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}
