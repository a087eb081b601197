/**
 * `msb codemod` as a library call: discover repositories and their Dockerfiles, convert each
 * with its own folder as build context, write one patch per repository, and optionally apply
 * the changes (atomically per file) or commit them on a new branch. Repositories run in
 * parallel; a failing file or repository becomes a row in the summary and the run goes on.
 * Never prints: progress goes to the `onRepository` callback.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createEnvironment, defaultEnvironment } from '../languages';
import { emptyCounts } from '../status';
import type { ConvertOptions } from '../plan/plan-types';
import type { PlanEnvironment } from '../plan/planner';
import { resolveRepositories } from './discover';
import { patchNames } from './patch-file';
import {
  emptySummary,
  errorRow,
  processRepository,
  RepositoryJob,
  RepositoryOutcome,
} from './process-repository';
import type { CodemodRow, CodemodSummary, CodemodTotals, RepositorySummary } from './types';
import { runRepositoryJobs, workersAvailable } from './worker-pool';
import { StringPool } from './string-pool';
import { DEFAULT_OUT_DIR, WORKER_THRESHOLD } from './defaults';

export interface CodemodOptions extends Pick<
  ConvertOptions,
  'lang' | 'runtime' | 'runtimeByLanguage' | 'force' | 'minSaving'
> {
  /** Repositories, folders or globs of folders. */
  targets: string[];
  /** Where the patches go (default `.msb-out`, relative to cwd). */
  outDir?: string;
  /** Apply the changes to the Dockerfiles. */
  write?: boolean;
  /** Create this branch in each repository with a converted Dockerfile and commit there (implies write). */
  gitBranch?: string;
  /** With gitBranch: work on repositories that have uncommitted changes to tracked files. */
  allowDirty?: boolean;
  /** Repositories processed at once (default: number of CPUs). */
  concurrency?: number;
  cwd?: string;
  /** Extra language profiles (`--profile`), loaded on top of the shipped ones. */
  profileFiles?: string[];
  /** A ready environment (library use); the run then stays on this thread. */
  environment?: PlanEnvironment;
  /**
   * Spread the repositories over `concurrency` threads (this one and `concurrency - 1` workers).
   * Default: only for runs of WORKER_THRESHOLD repositories or more. Each worker loads and warms
   * up its own copy of msb (about a second of CPU); on the 2-core machines measured
   * (`npm run bench`) that cancels out what the second core brings below that size.
   */
  workers?: boolean;
  /** Called once per repository as it finishes (in completion order). */
  onRepository?: (repository: RepositorySummary, done: number, total: number) => void;
  /** Called once the repositories are known, before any work. */
  onStart?: (total: number) => void;
}

const REPOSITORIES_PER_CORE = 4;

export async function runCodemod(options: CodemodOptions): Promise<CodemodSummary> {
  const started = Date.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir ?? DEFAULT_OUT_DIR);
  const environment =
    options.environment ??
    (options.profileFiles?.length ? createEnvironment(options.profileFiles) : defaultEnvironment());
  const mode = options.gitBranch ? 'git-branch' : options.write ? 'write' : 'dry-run';
  const { repositories, missing } = await resolveRepositories(options.targets, cwd);
  const names = patchNames(
    repositories.map((r) => r.root),
    cwd,
  );
  const rows: CodemodRow[] = [];
  const summaries: RepositorySummary[] = [];
  // A target that matched nothing counts as a failed repository everywhere: in progress and totals alike.
  const total = repositories.length + missing.length;
  options.onStart?.(total);
  let done = 0;
  for (const pattern of missing) {
    rows.push(errorRow(pattern, '', 'no such file or folder (or the glob matched nothing)'));
    summaries.push(emptySummary(pattern, path.resolve(cwd, pattern), 'no such file or folder'));
    options.onRepository?.(summaries[summaries.length - 1], (done += 1), total);
  }
  await fs.mkdir(outDir, { recursive: true });
  const earlierPatches = new Set(await fs.readdir(outDir));

  const jobs: RepositoryJob[] = repositories.map((repository) => ({
    repository,
    display: displayPath(repository.root, cwd),
    patchFile: path.join(outDir, names.get(repository.root) as string),
    replacesPatch: earlierPatches.has(names.get(repository.root) as string),
    mode,
    conversion: {
      lang: options.lang,
      runtime: options.runtime,
      runtimeByLanguage: options.runtimeByLanguage,
      force: options.force,
      minSaving: options.minSaving,
    },
    gitBranch: options.gitBranch,
    allowDirty: options.allowDirty,
  }));
  const strings = new StringPool();
  const collect = ({ summary, rows: repositoryRows }: RepositoryOutcome) => {
    for (const row of repositoryRows) rows.push(strings.row(row));
    summaries.push(summary);
    done += 1;
    options.onRepository?.(summary, done, total);
  };
  const concurrency = Math.max(1, options.concurrency ?? os.cpus().length);
  const useWorkers =
    (options.workers ?? (jobs.length >= WORKER_THRESHOLD && options.environment === undefined)) &&
    concurrency > 1 &&
    workersAvailable();
  // With workers, this thread takes a share too: `concurrency` threads in all. Within this thread,
  // discovery and conversion are synchronous work (small files from the page cache: cheaper than
  // asynchronous round trips); writing the patch and git run in the background, so more
  // repositories are in flight than threads for that I/O to overlap the next conversions.
  const workerThreads = useWorkers ? concurrency - 1 : 0;
  const slots = REPOSITORIES_PER_CORE * (useWorkers ? 1 : concurrency);
  await runRepositoryJobs(jobs, workerThreads, { profileFiles: options.profileFiles ?? [] }, collect, {
    run: (job) => processRepository(job, environment),
    slots,
  });
  const order = (a: { repository: string }, b: { repository: string }) =>
    a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0;
  rows.sort((a, b) => order(a, b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  summaries.sort(order);
  return {
    mode,
    outDir,
    rows,
    repositories: summaries,
    totals: totalsOf(rows, summaries),
    durationMs: Date.now() - started,
    workerThreads,
  };
}

function totalsOf(rows: CodemodRow[], repositories: RepositorySummary[]): CodemodTotals {
  const counts = emptyCounts();
  for (const row of rows) if (row.file !== '') counts[row.status] += 1;
  return {
    repositories: repositories.length,
    repositoryErrors: repositories.filter((r) => r.error !== null).length,
    dockerfiles: rows.filter((r) => r.file !== '').length,
    ...counts,
    savingMb: rows.reduce((sum, r) => sum + (r.status === 'converted' ? (r.savingMb ?? 0) : 0), 0),
  };
}

function displayPath(root: string, cwd: string): string {
  const rel = path.relative(cwd, root);
  if (rel === '') return '.';
  return rel.startsWith('..') || path.isAbsolute(rel) ? root : rel.split(path.sep).join('/');
}
