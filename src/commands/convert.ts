/** `msb convert <Dockerfile...|->`: print, diff, check or write the converted file(s). */
import type { CommandModule } from 'yargs';
import { convertFile, convertText, ConversionResult, errorResult } from '../convert';
import { EXIT_ERROR, EXIT_INTERNAL, EXIT_OK, EXIT_WOULD_CHANGE, isMsbError, MsbError } from '../errors';
import type { MsbConfig } from '../config/load-config';
import { diffPath } from '../emit/diff-path';
import { unifiedDiff } from '../emit/unified-diff';
import { writeFileSafely } from '../emit/write-file';
import type { PlanEnvironment } from '../plan/planner';
import { OutputMode, statusLabel } from '../status';
import { checkReport } from './check-report';
import { configFor, environmentCache } from './config-options';
import { DockerfileInput, dockerfileInputs, readInput, STDIN, targetsProblem } from './dockerfile-inputs';
import { FormatFlags, withFormatOption, writeReport } from './format-option';
import { formatExplanation, resultToJson } from './report-format';
import {
  ConversionFlags,
  conversionEnvironment,
  gateOptions,
  GateFlags,
  parentFolderProblem,
  withConversionOptions,
  withGateOptions,
  withStdinOption,
} from './shared-options';

interface ConvertArgs extends ConversionFlags, GateFlags, FormatFlags {
  files: string[];
  'stdin-filepath'?: string;
  'dry-run': boolean;
  write: boolean;
  out?: string;
  check: boolean;
  explain: boolean;
  debug: boolean;
}

export const convertCommand: CommandModule<object, ConvertArgs> = {
  command: 'convert [files..]',
  describe: 'Convert single-stage Dockerfile(s) into multi-stage ones',
  builder: (yargs) =>
    withFormatOption(withGateOptions(withStdinOption(withConversionOptions(yargs))), '--check')
      .positional('files', {
        type: 'string',
        array: true,
        describe: 'Dockerfile(s), folders holding one, or - for standard input',
      })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe:
          'Print a unified diff instead of the converted file; paths are relative to the git repository root when the file is in one (as git diff writes them, for git apply), else to the current folder',
      })
      .option('write', {
        alias: 'w',
        type: 'boolean',
        default: false,
        describe: 'Replace the file(s) in place (atomically)',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        describe: 'Write the converted file here (one input only)',
      })
      .option('check', {
        type: 'boolean',
        default: false,
        describe: 'Exit 1 when msb would convert a file; write nothing',
      })
      .option('explain', {
        type: 'boolean',
        default: false,
        describe: 'Say why each instruction went where it went (stderr)',
      })
      .epilogue(
        'Exit codes: 0 converted, or nothing to do (unchanged, skipped: the reason is printed — also when msb believes the result would not work or gains nothing, unless --force); 1 --check: msb would convert a file; ' +
          '2 usage or input error (missing, binary or unparsable file with file:line, invalid profile, unknown flag or runtime): nothing is written; ' +
          '3 internal error (a bug in msb: one line naming the file, --debug prints the stack).',
      )
      .check((argv) => {
        const targets = targetsProblem(argv.files);
        if (targets) throw new Error(targets);
        const modes = ['dry-run', 'write', 'check'].filter((m) => argv[m]).concat(argv.out ? ['out'] : []);
        if (modes.length > 1)
          throw new Error(
            `choose one of --dry-run, --write, --out, --check (got ${modes.map((m) => `--${m}`).join(', ')})`,
          );
        if (argv.out && argv.files?.length !== 1) throw new Error('--out takes a single input file');
        if (argv.write && argv.files?.includes(STDIN))
          throw new Error('--write cannot replace standard input: print the result, or use --out FILE');
        const out = parentFolderProblem('--out', argv.out);
        if (out) throw new Error(out);
        if (argv.format && !argv.check) throw new Error('--format applies to --check (and to msb lint)');
        return true;
      }) as never,
  handler: async (argv) => {
    process.exitCode = await runConvert(argv);
  },
};

async function runConvert(argv: ConvertArgs): Promise<number> {
  // --format json is --json; another --format replaces the per-file lines with one report on stdout.
  if (argv.format === 'json') argv = { ...argv, json: true };
  const format = argv.format === 'json' ? undefined : argv.format;
  const environmentFor = environmentCache();
  // --runtime and the profiles are checked once before any file is read.
  conversionEnvironment(argv, null, environmentFor);
  const results: ConversionResult[] = [];
  const written = new Set<ConversionResult>();
  const mode = outputMode(argv);
  let exitCode = EXIT_OK;
  for (const input of dockerfileInputs(argv.files, argv)) {
    const config = configFor(input.path ?? input.context ?? '.', argv);
    let result = await convertInput(input, argv, config, conversionEnvironment(argv, config, environmentFor));
    const target = argv.out ?? (argv.write ? input.path : null);
    if (result.status === 'converted' && target) {
      try {
        await writeFileSafely(target, result.output, result.encoding);
        written.add(result);
      } catch (error) {
        if (!(error instanceof MsbError)) throw error;
        result = errorResult(target, error);
      }
    }
    results.push(result);
    if (result.status === 'error') {
      const internal = result.error?.kind === 'internal';
      exitCode = Math.max(exitCode, internal ? EXIT_INTERNAL : EXIT_ERROR);
      if (!argv.json && (!format || format === 'stylish'))
        process.stderr.write(`msb: ${result.reason}
`);
      if (internal && argv.debug && result.error?.stack)
        process.stderr.write(`${result.error.stack}
`);
      continue;
    }
    if (!argv.quiet && !argv.json && !format) report(result, argv, mode);
    if (argv.check) {
      if (result.status === 'converted') exitCode = Math.max(exitCode, EXIT_WOULD_CHANGE);
    } else if (argv.out && !written.has(result)) {
      // --out names the result file even when there is nothing to convert: it receives the input.
      await writeFileSafely(argv.out, result.output, result.encoding);
    } else if (!argv.write && !argv.out && !argv.json) {
      process.stdout.write(
        argv['dry-run'] ? unifiedDiff(diffPath(result.file), result.original, result.output) : result.output,
      );
    }
  }
  if (format) writeReport(format, checkReport(results, format !== 'stylish'), argv);
  // One shape whatever the number of files: an array, as eslint prints.
  if (argv.json)
    process.stdout.write(
      `${JSON.stringify(
        results.map((r) => ({ ...resultToJson(r, { diff: true }), written: written.has(r) })),
        null,
        2,
      )}\n`,
    );
  return exitCode;
}

/** --check and --dry-run keep the file ("would convert"), --write and --out write it, else it is printed. */
function outputMode(argv: ConvertArgs): OutputMode {
  if (argv.check || argv['dry-run']) return 'preview';
  return argv.write || argv.out ? 'write' : 'print';
}

async function convertInput(
  input: DockerfileInput,
  argv: ConvertArgs,
  config: MsbConfig | null,
  environment: PlanEnvironment,
): Promise<ConversionResult> {
  const options = {
    lang: argv.lang,
    context: input.context,
    runtime: argv.runtime,
    runtimeByLanguage: config?.runtime,
    ...gateOptions(argv, config),
    environment,
  };
  if (input.path !== null) return convertFile(input.path, options);
  try {
    const source = await readInput(input);
    return convertText(source.text, { ...options, file: input.name, encoding: source.encoding });
  } catch (error) {
    if (!isMsbError(error)) throw error;
    return errorResult(input.name, error);
  }
}

function report(result: ConversionResult, argv: ConvertArgs, mode: OutputMode): void {
  const lines: string[] = [];
  const language = result.detection?.language
    ? ` (${result.detection.language}${result.detection.framework ? `/${result.detection.framework}` : ''})`
    : '';
  const label = statusLabel(result.status, mode);
  if (result.status === 'converted') {
    lines.push(`msb: ${label} ${result.file}${language}: ${result.builderImage} → ${result.runtimeImage}`);
  } else {
    lines.push(`msb: ${label} ${result.file}${language}: ${result.reason}`);
  }
  for (const warning of result.warnings) lines.push(`msb: warning: ${warning}`);
  if (argv.explain) lines.push(formatExplanation(result));
  process.stderr.write(`${lines.join('\n')}\n`);
}
