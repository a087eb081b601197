/**
 * The command line: a thin yargs layer over the library. Exit codes: 0 ok, 1 a file would
 * change (--check) or lint findings, 2 usage/input error, 3 a bug in msb (one line; --debug
 * prints the stack).
 */
import yargs, { Argv, CommandModule } from 'yargs';
import { codemodCommand } from './commands/codemod';
import { convertCommand } from './commands/convert';
import { detectCommand } from './commands/detect';
import { verifyCommand } from './commands/verify';
import { lintCommand } from './commands/lint';
import { standardInputToken } from './commands/dockerfile-inputs';
import { EXIT_ERROR, EXIT_INTERNAL, internalErrorLine, isMsbError } from './errors';
import { closestWord } from './util/closest-word';

// Each command types its own arguments; yargs takes them as one list of modules.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const COMMANDS: CommandModule<object, any>[] = [
  convertCommand,
  lintCommand,
  detectCommand,
  codemodCommand,
  verifyCommand,
];
const COMMAND_NAMES = COMMANDS.map((c) => String(c.command).split(' ')[0]);

export async function main(argv: string[]): Promise<void> {
  endQuietlyOnClosedPipe();
  try {
    await yargs(standardInputToken(argv))
      .scriptName('msb')
      .usage('$0 <command> [options]')
      .command(COMMANDS)
      .option('color', {
        type: 'boolean',
        describe: 'Colours: default on a terminal only; --no-color (or NO_COLOR) turns them off',
      })
      .demandCommand(1, `name a command: ${COMMAND_NAMES.join(', ')}`)
      .strict()
      .recommendCommands()
      .option('debug', {
        type: 'boolean',
        default: false,
        global: true,
        describe: 'Print the stack trace of an internal error (a bug in msb)',
      })
      .epilogue(
        'Exit codes: 0 ok (converted, or skipped/unchanged with the reason: also a result msb believes would not work or that gains nothing, unless --force), 1 msb would convert a file (--check) or lint findings, 2 usage or input error, 3 internal error (a bug in msb: please report it).',
      )
      .fail((message, error) => {
        // Errors thrown by command handlers arrive here too: let the outer handler report them.
        if (error && (isMsbError(error) || !message)) throw error;
        process.stderr.write(
          `msb: ${explainUsageError(message ?? error?.message ?? 'usage error', argv, optionsOf(argv))} (see msb --help)\n`,
        );
        process.exit(EXIT_ERROR);
      })
      .help()
      .alias('help', 'h')
      .version()
      .alias('version', 'v')
      .parseAsync();
  } catch (error) {
    if (isMsbError(error)) {
      process.stderr.write(`msb: ${error.toOneLine()}\n`);
      process.exitCode = EXIT_ERROR;
      return;
    }
    process.stderr.write(`msb: ${internalErrorLine(error)}\n`);
    if (argv.includes('--debug') && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}

/** yargs' messages, with the mistyped command or flag named and the nearest known one suggested. */
function explainUsageError(message: string, argv: string[], knownOptions: string[]): string {
  const didYouMean = /^Did you mean (\S+)\?$/.exec(message);
  if (didYouMean)
    return `unknown command "${argv.find((a) => !a.startsWith('-'))}"; did you mean ${didYouMean[1]}?`;
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (!unknown) return message;
  const words = unknown[1].split(', ');
  // strict() lists unknown flags by their camelCase name as well as the typed one.
  const flags = words.filter((w) =>
    argv.some((a) => a === `--${w}` || a.startsWith(`--${w}=`) || a === `-${w}`),
  );
  if (flags.length === 0) {
    const command = argv.find((a) => !a.startsWith('-'));
    if (command && !COMMAND_NAMES.includes(command))
      return `unknown command "${command}" (commands: ${COMMAND_NAMES.join(', ')})`;
    return `unexpected argument${words.length > 1 ? 's' : ''}: ${words.join(', ')}`;
  }
  const longOptions = knownOptions.filter((o) => o.length > 1);
  return flags
    .map((flag) => {
      const near = closestWord(flag, longOptions);
      return `unknown option --${flag}${near ? `; did you mean --${near}?` : ''}`;
    })
    .join('; ');
}

/** The long options of the command argv names (help and version for none), for suggestions. */
function optionsOf(argv: string[]): string[] {
  const command = COMMANDS.find(
    (c) => String(c.command).split(' ')[0] === argv.find((a) => !a.startsWith('-')),
  );
  const names = ['help', 'version'];
  if (typeof command?.builder !== 'function') return names;
  // Run the builder against a recorder: yargs keeps its option table private.
  const recorder: Argv<object> = new Proxy({} as Argv<object>, {
    get:
      (_target, method) =>
      (...args: unknown[]) => {
        if (method === 'option' && typeof args[0] === 'string') names.push(args[0]);
        return recorder;
      },
  });
  (command.builder as (y: Argv<object>) => unknown)(recorder);
  return names;
}

/** `msb lint f | head -1`: a reader that goes away ends msb quietly, never with an EPIPE stack trace. */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
}
