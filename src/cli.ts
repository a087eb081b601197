/**
 * The command line: a thin yargs layer over the library. Exit codes: 0 ok, 1 a file would
 * change (--check) or lint findings, 2 usage/input error.
 */
import yargs from 'yargs';
import { codemodCommand } from './commands/codemod';
import { convertCommand } from './commands/convert';
import { detectCommand } from './commands/detect';
import { verifyCommand } from './commands/verify';
import { lintCommand } from './commands/lint';
import { EXIT_ERROR, isMsbError } from './errors';

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
      .demandCommand(1, 'name a command: convert, detect')
      .strict()
      .recommendCommands()
      .epilogue('Exit codes: 0 ok, 1 a file would change (--check), 2 usage or input error.')
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
    throw error;
  }
}
