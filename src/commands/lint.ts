/** `msb lint <Dockerfile...|->`: the multi-stage rules (src/lint/rules) on existing files. Exit 0 clean, 1 findings, 2 input error. */
import type { CommandModule } from 'yargs';
import { EXIT_ERROR, EXIT_OK, EXIT_WOULD_CHANGE, isMsbError } from '../errors';
import { formatFinding, lintText } from '../lint/lint';
import type { LintFinding } from '../lint/lint-types';
import { RULES } from '../lint/rules';
import { dockerfileInputs, readInput, targetsProblem } from './dockerfile-inputs';
import { withStdinOption } from './shared-options';

interface LintArgs {
  files: string[];
  'stdin-filepath'?: string;
  json: boolean;
  ignore?: string[];
  quiet: boolean;
}

export const lintCommand: CommandModule<object, LintArgs> = {
  command: 'lint [files..]',
  describe: 'Check (multi-stage) Dockerfiles: stage references, ARG scope, pinned runtime image, caches, secrets',
  builder: (yargs) =>
    withStdinOption(yargs)
      .positional('files', { type: 'string', array: true, describe: 'Dockerfile(s), folders holding one, or - for standard input' })
      .option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' })
      // Not `array: true`: that would swallow the file names after it (`--ignore MSB001 Dockerfile`).
      .option('ignore', {
        type: 'string',
        coerce: (value: string | string[]) => ([] as string[]).concat(value).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean),
        describe: `Rule id(s) to skip, repeatable or comma-separated (${RULES.map((r) => r.id).join(', ')})`,
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Errors only, no warnings' })
      .check((argv) => {
        const problem = targetsProblem(argv.files);
        if (problem) throw new Error(problem);
        const unknown = (argv.ignore ?? []).filter((id) => !RULES.some((r) => r.id === id.toUpperCase()));
        if (unknown.length) throw new Error(`--ignore: unknown rule ${unknown.join(', ')} (rules: ${RULES.map((r) => r.id).join(', ')})`);
        return true;
      })
      .epilogue(RULES.map((r) => `${r.id} (${r.severity}): ${r.description}`).join('\n')) as never,
  handler: async (argv) => {
    process.exitCode = await runLint(argv);
  },
};

async function runLint(argv: LintArgs): Promise<number> {
  const report: { file: string; findings: LintFinding[]; error: { kind: string; message: string } | null }[] = [];
  let exitCode = EXIT_OK;
  for (const input of dockerfileInputs(argv.files, argv)) {
    const file = input.name;
    try {
      const source = await readInput(input);
      const findings = lintText(source.text, file, { ignore: argv.ignore }).filter((f) => !argv.quiet || f.severity === 'error');
      report.push({ file, findings, error: null });
      if (findings.length) exitCode = Math.max(exitCode, EXIT_WOULD_CHANGE);
      if (!argv.json) for (const finding of findings) process.stdout.write(`${formatFinding(file, finding)}\n`);
    } catch (error) {
      if (!isMsbError(error)) throw error;
      exitCode = EXIT_ERROR;
      report.push({ file, findings: [], error: { kind: error.kind, message: error.toOneLine() } });
      if (!argv.json) process.stderr.write(`msb: ${error.toOneLine()}\n`);
    }
  }
  // One shape whatever the number of files: an array, as eslint prints.
  if (argv.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return exitCode;
}
