/** `msb lint <Dockerfile...>`: the multi-stage rules (src/lint/rules) on existing files. Exit 0 clean, 1 findings, 2 input error. */
import type { CommandModule } from 'yargs';
import { EXIT_ERROR, EXIT_OK, EXIT_WOULD_CHANGE, isMsbError } from '../errors';
import { formatFinding, lintText } from '../lint/lint';
import type { LintFinding } from '../lint/lint-types';
import { RULES } from '../lint/rules';
import { readDockerfile } from '../parse/read-dockerfile';

interface LintArgs {
  files: string[];
  json: boolean;
  ignore?: string[];
  quiet: boolean;
}

export const lintCommand: CommandModule<object, LintArgs> = {
  command: 'lint <files..>',
  describe: 'Check (multi-stage) Dockerfiles: stage references, ARG scope, pinned runtime image, caches, secrets',
  builder: (yargs) =>
    yargs
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Dockerfile(s) to check' })
      .option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' })
      .option('ignore', { type: 'string', array: true, describe: `Rule id(s) to skip (${RULES.map((r) => r.id).join(', ')})` })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Errors only, no warnings' })
      .epilogue(RULES.map((r) => `${r.id} (${r.severity}): ${r.description}`).join('\n')) as never,
  handler: async (argv) => {
    process.exitCode = await runLint(argv);
  },
};

async function runLint(argv: LintArgs): Promise<number> {
  const unknown = (argv.ignore ?? []).filter((id) => !RULES.some((r) => r.id === id.toUpperCase()));
  if (unknown.length) {
    process.stderr.write(`msb: --ignore: unknown rule ${unknown.join(', ')}\n`);
    return EXIT_ERROR;
  }
  const report: { file: string; findings: LintFinding[]; error: { kind: string; message: string } | null }[] = [];
  let exitCode = EXIT_OK;
  for (const file of argv.files) {
    try {
      const source = await readDockerfile(file);
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
  if (argv.json) process.stdout.write(`${JSON.stringify(report.length === 1 ? report[0] : report, null, 2)}\n`);
  return exitCode;
}
