/**
 * Progress of a codemod run on stderr: a bar on a terminal (cli-progress), one plain line per
 * repository otherwise (CI logs), nothing with --quiet.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { RepositorySummary } from './types';

export interface ProgressReporter {
  start(total: number): void;
  repositoryDone(repository: RepositorySummary, done: number, total: number): void;
  stop(): void;
}

export function createProgress(mode: { quiet: boolean; stream?: NodeJS.WriteStream }): ProgressReporter {
  const stream = mode.stream ?? process.stderr;
  if (mode.quiet) return { start: () => undefined, repositoryDone: () => undefined, stop: () => undefined };
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format:
          'msb codemod [{bar}] {value}/{total} repositories | {converted} converted | {failed} failed | ETA {eta_formatted}',
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    let converted = 0;
    let failed = 0;
    return {
      start: (total) => bar.start(total, 0, { converted, failed }),
      repositoryDone: (repository, done) => {
        converted += repository.converted;
        failed += repository.failed + (repository.error ? 1 : 0);
        bar.update(done, { converted, failed });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    start: (total) => stream.write(`msb: codemod over ${total} repositor${total === 1 ? 'y' : 'ies'}\n`),
    repositoryDone: (repository, done, total) => {
      const what = repository.error
        ? `error: ${repository.error}`
        : `${repository.dockerfiles} Dockerfile(s), ${repository.converted} converted${repository.failed ? `, ${repository.failed} failed` : ''}`;
      stream.write(`msb: [${done}/${total}] ${repository.repository}: ${what}\n`);
    },
    stop: () => undefined,
  };
}
