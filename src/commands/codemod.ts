/** `msb codemod <path|glob...>`: convert every Dockerfile of many repositories; patches by default. */
import type { CommandModule } from 'yargs';
import { readFileSync } from 'fs';
import * as os from 'os';
import { DEFAULT_OUT_DIR, WORKER_THRESHOLD } from '../codemod/defaults';
import { createProgress } from '../codemod/progress';
import { EXIT_ERROR, EXIT_OK, MsbError } from '../errors';
import { configFor } from './config-options';
import {
  ConversionFlags,
  conversionEnvironment,
  gateOptions,
  GateFlags,
  parentFolderProblem,
  withConversionOptions,
  withGateOptions,
} from './shared-options';

interface CodemodArgs extends Omit<ConversionFlags, 'context'>, GateFlags {
  targets?: string[];
  'repos-from'?: string[];
  'out-dir': string;
  write: boolean;
  'git-branch'?: string;
  'allow-dirty': boolean;
  concurrency: number;
  report?: string;
}

export const codemodCommand: CommandModule<object, CodemodArgs> = {
  command: 'codemod [targets..]',
  describe:
    'Convert the Dockerfiles of many repositories: one patch per repository (dry run), --write, or a branch + commit each',
  builder: (yargs) =>
    withGateOptions(withConversionOptions(yargs))
      .positional('targets', {
        type: 'string',
        array: true,
        describe: 'Repositories or folders (a folder holding repositories stands for each), or globs of them',
      })
      .option('repos-from', {
        type: 'string',
        coerce: (value: string | string[]) => ([] as string[]).concat(value),
        describe:
          'Also the repositories listed in this file, one path per line (e.g. error.txt of a --report folder); repeatable',
      })
      .option('out-dir', {
        type: 'string',
        default: DEFAULT_OUT_DIR,
        describe: 'Folder for the per-repository patch files',
      })
      .option('write', {
        alias: 'w',
        type: 'boolean',
        default: false,
        describe: 'Write the converted Dockerfiles (atomically, per file)',
      })
      .option('git-branch', {
        type: 'string',
        describe:
          'Create this branch and commit the converted Dockerfiles in each repository that has some (implies --write)',
      })
      .option('allow-dirty', {
        type: 'boolean',
        default: false,
        describe:
          "With --git-branch: also touch repositories with uncommitted changes (only msb's files are committed)",
      })
      .option('concurrency', {
        alias: 'j',
        type: 'number',
        default: os.cpus().length,
        describe: `Threads for runs of ${WORKER_THRESHOLD.toLocaleString('en')}+ repositories (this one and N-1 workers); the patch writes and git of 4×N repositories overlap`,
      })
      .option('report', {
        type: 'string',
        describe:
          'Write the summary to FILE.json or FILE.md, or to a folder: report.json, report.md and rerun lists converted.txt, error.txt',
      })
      .check((argv) => {
        if (argv.context)
          throw new Error('--context does not apply to codemod: each Dockerfile uses its own folder');
        if (!Number.isInteger(argv.concurrency) || argv.concurrency < 1)
          throw new Error('--concurrency must be a positive integer');
        if (argv.report && /\.[^./\\]+$/.test(argv.report) && !/\.(json|md|markdown)$/i.test(argv.report))
          throw new Error('--report must end in .json or .md, or name a folder');
        if (!argv.targets?.length && !argv['repos-from']?.length)
          throw new Error('name at least one repository, folder or glob (or --repos-from FILE)');
        // Checked before the run: a report file that cannot be written would otherwise fail after it
        // (a report folder is created with its parents).
        const reportFolder =
          argv.report && /\.(json|md|markdown)$/i.test(argv.report)
            ? parentFolderProblem('--report', argv.report)
            : null;
        if (reportFolder) throw new Error(reportFolder);
        if (argv['allow-dirty'] && !argv['git-branch'])
          throw new Error('--allow-dirty only applies with --git-branch');
        return true;
      }) as never,
  handler: async (argv) => {
    // One config for the whole run (--config, or the nearest above the current folder): the
    // repositories' own config files are not read.
    const config = configFor(process.cwd(), argv);
    conversionEnvironment(argv, config); // profiles and --runtime checked before any repository is read
    const output = argv.write || argv['git-branch'] ? 'write' : 'preview';
    const progress = createProgress({ quiet: argv.quiet || argv.json === true, output });
    const targets = [...(argv.targets ?? []), ...(argv['repos-from'] ?? []).flatMap(readRepositoryList)];
    // Loaded here: every other command's start-up would otherwise load the codemod's runner.
    const { runCodemod, reportToJson, reportToTerminal, writeReport } = await import('../codemod');
    const summary = await runCodemod({
      targets,
      outDir: argv['out-dir'],
      write: argv.write,
      gitBranch: argv['git-branch'],
      allowDirty: argv['allow-dirty'],
      concurrency: argv.concurrency,
      lang: argv.lang,
      runtime: argv.runtime,
      runtimeByLanguage: config?.runtime,
      ...gateOptions(argv, config),
      profileFiles: [...(config?.profiles ?? []), ...(argv.profile ?? [])],
      onStart: (total) => progress.start(total),
      onRepository: (repository, done, total) => progress.repositoryDone(repository, done, total),
    });
    progress.stop();
    if (argv.report) await writeReport(argv.report, summary);
    if (argv.json) process.stdout.write(reportToJson(summary));
    else if (!argv.quiet)
      process.stdout.write(
        reportToTerminal(summary, { width: process.stdout.isTTY ? process.stdout.columns : undefined }),
      );
    const errors = summary.totals.error + summary.totals.repositoryErrors;
    if (errors > 0 && !argv.json) {
      for (const row of summary.rows.filter((r) => r.status === 'error'))
        process.stderr.write(`msb: ${row.repository}${row.file ? `/${row.file}` : ''}: ${row.reason}\n`);
    }
    process.exitCode = errors > 0 ? EXIT_ERROR : EXIT_OK;
  },
};

/** A rerun list: one repository path per line; blank lines and `#` comments are skipped. */
function readRepositoryList(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MsbError(
      'missing-file',
      `--repos-from: cannot read the list (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { file },
    );
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
