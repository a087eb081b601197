/**
 * Progress of a codemod run on stderr: a bar on a terminal (cli-progress), one plain line per
 * repository otherwise (CI logs), nothing with --quiet.
 */
import { SingleBar, Presets } from 'cli-progress';
import { convertVerb, OutputMode } from '../status';
import type { RepositorySummary } from './types';

export interface ProgressReporter {
  start(total: number): void;
  repositoryDone(repository: RepositorySummary, done: number, total: number): void;
  stop(): void;
}

const MIN_BAR = 10;
const MAX_BAR = 40;
const BAR_TEXT = 78;

/** `output`: a dry run says "would convert", --write and --git-branch "converted". */
export function createProgress(mode: {
  quiet: boolean;
  output: Exclude<OutputMode, 'print'>;
  stream?: NodeJS.WriteStream;
}): ProgressReporter {
  const stream = mode.stream ?? process.stderr;
  const verb = convertVerb(mode.output);
  if (mode.quiet) return { start: () => undefined, repositoryDone: () => undefined, stop: () => undefined };
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format: `msb codemod [{bar}] {value}/{total} repositories | ${verb} {converted} | error {error} | ETA {eta_formatted}`,
        // The text around the bar takes up to ~75 columns: the bar gets what is left, so the line fits.
        barsize: Math.max(MIN_BAR, Math.min(MAX_BAR, (stream.columns || 100) - BAR_TEXT)),
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    let converted = 0;
    let error = 0;
    return {
      start: (total) => bar.start(total, 0, { converted, error }),
      repositoryDone: (repository, done) => {
        converted += repository.counts.converted;
        error += repository.counts.error + (repository.error ? 1 : 0);
        bar.update(done, { converted, error });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    start: (total) => stream.write(`msb: codemod over ${total} repositor${total === 1 ? 'y' : 'ies'}\n`),
    repositoryDone: (repository, done, total) => {
      const { counts } = repository;
      const what = repository.error
        ? `error: ${repository.error}`
        : `${repository.dockerfiles} Dockerfile(s), ${verb} ${counts.converted}${counts.error ? `, error ${counts.error}` : ''}`;
      stream.write(`msb: [${done}/${total}] ${repository.repository}: ${what}\n`);
    },
    stop: () => undefined,
  };
}
