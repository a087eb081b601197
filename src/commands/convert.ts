/** `msb convert <Dockerfile...>`: print, diff, check or write the converted file(s). */
import type { CommandModule } from 'yargs';
import { statSync } from 'fs';
import * as path from 'path';
import { convertFile, ConversionResult } from '../convert';
import { EXIT_ERROR, EXIT_INTERNAL, EXIT_OK, EXIT_WOULD_CHANGE, MsbError } from '../errors';
import { unifiedDiff } from '../emit/unified-diff';
import { writeFileSafely } from '../emit/write-file';
import { checkReport } from './check-report';
import { configFor, environmentCache } from './config-options';
import { FormatFlags, withFormatOption, writeReport } from './format-option';
import { formatExplanation, resultToJson } from './report-format';
import { ConversionFlags, withConversionOptions } from './shared-options';

interface ConvertArgs extends ConversionFlags, FormatFlags {
  files: string[];
  'dry-run': boolean;
  write: boolean;
  out?: string;
  check: boolean;
  explain: boolean;
  debug: boolean;
}

export const convertCommand: CommandModule<object, ConvertArgs> = {
  command: 'convert <files..>',
  describe: 'Convert single-stage Dockerfile(s) into multi-stage ones',
  builder: (yargs) =>
    withFormatOption(withConversionOptions(yargs), '--check')
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Dockerfile(s) to convert' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Print a unified diff instead of the converted file' })
      .option('write', { alias: 'w', type: 'boolean', default: false, describe: 'Replace the file(s) in place (atomically)' })
      .option('out', { alias: 'o', type: 'string', describe: 'Write the converted file here (one input only)' })
      .option('check', { type: 'boolean', default: false, describe: 'Exit 1 when a file would change; write nothing' })
      .option('explain', { type: 'boolean', default: false, describe: 'Say why each instruction went where it went (stderr)' })
      .check((argv) => {
        const modes = ['dry-run', 'write', 'check'].filter((m) => argv[m]).concat(argv.out ? ['out'] : []);
        if (modes.length > 1) throw new Error(`choose one of --dry-run, --write, --out, --check (got ${modes.map((m) => `--${m}`).join(', ')})`);
        if (argv.out && argv.files.length > 1) throw new Error('--out takes a single input file');
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
  const results: ConversionResult[] = [];
  let exitCode = EXIT_OK;
  for (const file of argv.files.map(dockerfileIn)) {
    const config = configFor(file, argv);
    const environment = environmentFor(config, argv.profile);
    const result = await convertFile(file, { lang: argv.lang, context: argv.context, runtime: argv.runtime, runtimeByLanguage: config?.runtime, environment });
    results.push(result);
    if (result.status === 'error') {
      const internal = result.error?.kind === 'internal';
      exitCode = Math.max(exitCode, internal ? EXIT_INTERNAL : EXIT_ERROR);
      if (!argv.json && (!format || format === 'stylish')) process.stderr.write(`msb: ${result.reason}
`);
      if (internal && argv.debug && result.error?.stack) process.stderr.write(`${result.error.stack}
`);
      continue;
    }
    if (!argv.quiet && !argv.json && !format) report(result, argv);
    if (argv.check) {
      if (result.status === 'changed') exitCode = Math.max(exitCode, EXIT_WOULD_CHANGE);
    } else if (argv.write) {
      if (result.status === 'changed') {
        try {
          await writeFileSafely(file, result.output, result.encoding);
        } catch (error) {
          if (!(error instanceof MsbError)) throw error;
          process.stderr.write(`msb: ${error.toOneLine()}\n`);
          exitCode = EXIT_ERROR;
        }
      }
    } else if (argv.out) {
      await writeFileSafely(argv.out, result.output, result.encoding);
    } else if (!argv.json) {
      process.stdout.write(argv['dry-run'] ? unifiedDiff(path.relative(process.cwd(), file) || file, result.original, result.output) : result.output);
    }
  }
  if (format) writeReport(format, checkReport(results, format !== 'stylish'), argv);
  if (argv.json) {
    const payload = results.map((r) => resultToJson(r, { diff: true }));
    process.stdout.write(`${JSON.stringify(payload.length === 1 ? payload[0] : payload, null, 2)}\n`);
  }
  return exitCode;
}

/** `msb convert .` means the Dockerfile in that folder, as `msb detect .` does. */
function dockerfileIn(target: string): string {
  const isDirectory = (() => {
    try {
      return statSync(target).isDirectory();
    } catch {
      return false;
    }
  })();
  return isDirectory ? path.join(target, 'Dockerfile') : target;
}

function report(result: ConversionResult, argv: ConvertArgs): void {
  const lines: string[] = [];
  const language = result.detection?.language ? ` (${result.detection.language}${result.detection.framework ? `/${result.detection.framework}` : ''})` : '';
  if (result.status === 'changed') {
    const verb = argv.check ? 'would convert' : argv.write ? 'converted' : 'converts';
    lines.push(`msb: ${verb} ${result.file}${language}: ${result.builderImage} → ${result.runtimeImage}`);
  } else {
    lines.push(`msb: ${result.status} ${result.file}${language}: ${result.reason}`);
  }
  for (const warning of result.warnings) lines.push(`msb: warning: ${warning}`);
  if (argv.explain) lines.push(formatExplanation(result));
  process.stderr.write(`${lines.join('\n')}\n`);
}
