/** `msb lint <Dockerfile...|->`: the multi-stage rules (src/lint/rules) on existing files. Exit 0 clean, 1 findings, 2 input error. */
import type { CommandModule } from 'yargs';
import { EXIT_ERROR, EXIT_OK, EXIT_WOULD_CHANGE, isMsbError } from '../errors';
import type { FileReport } from '../formats';
import { lintText } from '../lint/lint';
import type { LintFinding } from '../lint/lint-types';
import { RULES } from '../lint/rules';
import { ConfigFlags, configFor, withConfigOption } from './config-options';
import { dockerfileInputs, readInput, targetsProblem } from './dockerfile-inputs';
import { FormatFlags, INPUT_ERROR, withFormatOption, writeReport } from './format-option';
import { withStdinOption } from './shared-options';

interface LintArgs extends FormatFlags, ConfigFlags {
  files: string[];
  'stdin-filepath'?: string;
  json: boolean;
  ignore?: string[];
  quiet: boolean;
}

interface LintedFile {
  file: string;
  findings: LintFinding[];
  error: { kind: string; message: string; line?: number } | null;
}

export const lintCommand: CommandModule<object, LintArgs> = {
  command: 'lint [files..]',
  describe:
    'Check (multi-stage) Dockerfiles: stage references, ARG scope, pinned runtime image, caches, secrets',
  builder: (yargs) =>
    withStdinOption(withConfigOption(withFormatOption(yargs, 'the findings')))
      .positional('files', {
        type: 'string',
        array: true,
        describe: 'Dockerfile(s), folders holding one, or - for standard input',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Machine-readable output (--format json)',
      })
      // Not `array: true`: that would swallow the file names after it (`--ignore MSB001 Dockerfile`).
      .option('ignore', {
        type: 'string',
        coerce: (value: string | string[]) =>
          ([] as string[])
            .concat(value)
            .flatMap((v) => v.split(','))
            .map((v) => v.trim())
            .filter(Boolean),
        describe: `Rule id(s) to skip, repeatable or comma-separated (${RULES.map((r) => r.id).join(', ')})`,
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Errors only, no warnings' })
      .check((argv) => {
        const problem = targetsProblem(argv.files);
        if (problem) throw new Error(problem);
        const unknown = (argv.ignore ?? []).filter((id) => !RULES.some((r) => r.id === id.toUpperCase()));
        if (unknown.length)
          throw new Error(
            `--ignore: unknown rule ${unknown.join(', ')} (rules: ${RULES.map((r) => r.id).join(', ')})`,
          );
        return true;
      })
      .epilogue(
        [
          ...RULES.map((r) => `${r.id} (${r.severity}): ${r.description}`),
          '',
          'Suppress a rule for one instruction with a comment right above it, `# msb-ignore MSB004` (several: `# msb-ignore=MSB004,MSB007`), or for the whole file with `# msb-ignore-file MSB003`.',
        ].join('\n'),
      ) as never,
  handler: async (argv) => {
    process.exitCode = await runLint(argv);
  },
};

async function runLint(argv: LintArgs): Promise<number> {
  const format = argv.json ? 'json' : (argv.format ?? 'stylish');
  const linted: LintedFile[] = [];
  for (const input of dockerfileInputs(argv.files, argv)) {
    const file = input.name;
    try {
      const ignore = [
        ...(argv.ignore ?? []),
        ...(configFor(input.path ?? input.context ?? '.', argv)?.ignore ?? []),
      ];
      const source = await readInput(input);
      const findings = lintText(source.text, file, { ignore }).filter(
        (f) => !argv.quiet || f.severity === 'error',
      );
      linted.push({ file, findings, error: null });
    } catch (error) {
      if (!isMsbError(error)) throw error;
      linted.push({
        file,
        findings: [],
        error: { kind: error.kind, message: error.toOneLine(), line: error.line },
      });
      if (format === 'stylish') process.stderr.write(`msb: ${error.toOneLine()}\n`);
    }
  }
  // One shape whatever the number of files: an array, as eslint prints.
  if (format === 'json') process.stdout.write(`${JSON.stringify(linted, null, 2)}\n`);
  else
    writeReport(
      format,
      { rules: [...RULES, INPUT_ERROR], files: linted.map((l) => toFileReport(l, format === 'stylish')) },
      argv,
    );
  if (linted.some((l) => l.error)) return EXIT_ERROR;
  return linted.some((l) => l.findings.length) ? EXIT_WOULD_CHANGE : EXIT_OK;
}

/** Stylish prints input errors on stderr, as every command does; the machine formats carry them. */
function toFileReport({ file, findings, error }: LintedFile, errorsOnStderr: boolean): FileReport {
  const messages = findings.map((f) => ({
    ruleId: f.rule,
    severity: f.severity,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    message: f.message,
  }));
  if (error && !errorsOnStderr)
    messages.push({
      ruleId: INPUT_ERROR.id,
      severity: 'error',
      line: error.line ?? 1,
      column: 1,
      endLine: error.line ?? 1,
      message: error.message,
    });
  return { file, messages };
}
