/** `msb detect [DIR|Dockerfile|-]...`: which language, framework and package manager, with evidence. */
import type { CommandModule } from 'yargs';
import { detectText } from '../api';
import { EXIT_ERROR, EXIT_OK, isMsbError } from '../errors';
import type { Detection } from '../detect/detect-types';
import { configFor, environmentCache } from './config-options';
import { dockerfileInputs, readInput, targetsProblem } from './dockerfile-inputs';
import { formatDetection } from './report-format';
import {
  ConversionFlags,
  conversionEnvironment,
  withConversionOptions,
  withStdinOption,
} from './shared-options';

interface DetectArgs extends ConversionFlags {
  targets: string[];
  'stdin-filepath'?: string;
}

type DetectEntry = { file: string; error: null } & Detection;
type ErrorEntry = { file: string; error: { kind: string; message: string; line: number | null } };

export const detectCommand: CommandModule<object, DetectArgs> = {
  command: 'detect [targets..]',
  describe: 'Detect the language, framework and package manager of build contexts',
  builder: (yargs) =>
    withStdinOption(withConversionOptions(yargs))
      .positional('targets', {
        type: 'string',
        array: true,
        default: ['.'],
        describe: 'Folders holding a Dockerfile, Dockerfiles, or - for standard input (default: .)',
      })
      .check((argv) => {
        const problem = targetsProblem(argv.targets);
        if (problem) throw new Error(problem);
        return true;
      }) as never,
  handler: async (argv) => {
    const environmentFor = environmentCache();
    // --runtime and the profiles are checked once before any file is read.
    conversionEnvironment(argv, null, environmentFor);
    const entries: (DetectEntry | ErrorEntry)[] = [];
    for (const input of dockerfileInputs(argv.targets, argv)) {
      try {
        const environment = conversionEnvironment(
          argv,
          configFor(input.path ?? input.context ?? '.', argv),
          environmentFor,
        );
        const source = await readInput(input);
        const detection = detectText(source.text, {
          file: input.name,
          lang: argv.lang,
          context: input.context,
          environment,
        });
        entries.push({ file: input.name, ...detection, error: null });
      } catch (error) {
        if (!isMsbError(error)) throw error;
        entries.push({
          file: input.name,
          error: { kind: error.kind, message: error.toOneLine(), line: error.line ?? null },
        });
      }
    }
    if (argv.json) {
      // One shape whatever the number of targets, errors included: an array, as eslint prints.
      process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    } else {
      for (const entry of entries) {
        if (entry.error) process.stderr.write(`msb: ${entry.error.message}\n`);
        else
          process.stdout.write(`${entries.length > 1 ? `${entry.file}\n` : ''}${formatDetection(entry)}\n`);
      }
    }
    process.exitCode = entries.some((e) => e.error) ? EXIT_ERROR : EXIT_OK;
  },
};
