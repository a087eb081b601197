/**
 * One repository of a codemod run, start to end: find its Dockerfiles, convert each with its
 * own folder as build context, write the repository's patch, and (when asked) apply the changes
 * or commit them on a branch. A failure becomes a row; nothing is thrown. The job is plain data
 * so that it can run on this thread or in a worker (src/codemod/worker-pool.ts).
 */
import * as path from 'path';
import { convertFileSync, ConversionResult, ConvertTextOptions } from '../convert';
import { memoisedReadDirectory } from '../context/read-directory';
import { unifiedDiff } from '../emit/unified-diff';
import { writeFileSafely } from '../emit/write-file';
import { isMsbError } from '../errors';
import type { ConvertOptions } from '../plan/plan-types';
import type { PlanEnvironment } from '../plan/planner';
import { commitMessage } from './commit-message';
import { findDockerfiles, RepositoryTarget } from './discover';
import { commitFiles, createBranch, uncommittedChanges } from './git';
import { PatchFile } from './patch-file';
import { emptyCounts } from '../status';
import type { CodemodRow, CodemodSummary, RepositorySummary } from './types';

export interface RepositoryJob {
  repository: RepositoryTarget;
  /** The repository as the user sees it in the report. */
  display: string;
  patchFile: string;
  /** A file is at `patchFile` already (an earlier run's patch). */
  replacesPatch: boolean;
  mode: CodemodSummary['mode'];
  conversion: Pick<ConvertOptions, 'lang' | 'runtime' | 'runtimeByLanguage' | 'force' | 'minSaving'>;
  gitBranch?: string;
  allowDirty?: boolean;
}

export interface RepositoryOutcome {
  summary: RepositorySummary;
  rows: CodemodRow[];
}

export async function processRepository(
  job: RepositoryJob,
  environment: PlanEnvironment,
): Promise<RepositoryOutcome> {
  const { repository, display } = job;
  const summary = emptySummary(display, repository.root, null);
  const rows: CodemodRow[] = [];
  const patch = new PatchFile(job.patchFile);
  try {
    // Discovery and every Dockerfile's build context list the same folders: once each.
    const readDirectory = memoisedReadDirectory();
    const files = findDockerfiles(repository, readDirectory);
    summary.dockerfiles = files.length;
    if (job.mode === 'git-branch') await checkCommittable(repository, job.allowDirty ?? false);
    const toWrite: Array<{ file: string; result: ConversionResult }> = [];
    for (const file of files)
      rows.push(convertOne(job, { environment, readDirectory }, file, patch, toWrite));
    await patch.close(job.replacesPatch);
    if (patch.written) summary.patch = job.patchFile;
    if (toWrite.length > 0 && job.mode !== 'dry-run') await applyChanges(job, toWrite, rows, summary);
  } catch (error) {
    summary.error = errorMessage(error);
    rows.push(errorRow(display, '', summary.error));
    // Outside a dry run a file is "converted" only once written: the repository's error stopped the rest.
    if (job.mode !== 'dry-run') {
      for (const row of rows)
        if (row.status === 'converted' && !row.written)
          Object.assign(row, {
            status: 'error',
            reason: 'not written: the repository ended in an error (see its row)',
          });
    }
  }
  for (const row of rows) if (row.file !== '') summary.counts[row.status] += 1;
  return { summary, rows };
}

/** A repository that could not be processed at all, as its summary and its one row. */
export function errorRepository(
  job: Pick<RepositoryJob, 'display' | 'repository'>,
  reason: string,
): RepositoryOutcome {
  return {
    summary: emptySummary(job.display, job.repository.root, reason),
    rows: [errorRow(job.display, '', reason)],
  };
}

/** Converts one Dockerfile and appends its diff; the full result is kept only when it must be written. */
function convertOne(
  job: RepositoryJob,
  shared: Required<Pick<ConvertTextOptions, 'environment' | 'readDirectory'>>,
  file: string,
  patch: PatchFile,
  toWrite: Array<{ file: string; result: ConversionResult }>,
): CodemodRow {
  const absolute = path.join(job.repository.root, file);
  let result: ConversionResult;
  try {
    result = convertFileSync(absolute, { ...job.conversion, ...shared });
  } catch (error) {
    return errorRow(job.display, file, `msb failed on this file: ${errorMessage(error)}`);
  }
  const row = rowOf(job, file, result);
  if (result.status === 'converted') {
    patch.append(unifiedDiff(file, result.original, result.output), result.encoding);
    if (job.mode !== 'dry-run') toWrite.push({ file, result });
  }
  return row;
}

async function checkCommittable(repository: RepositoryTarget, allowDirty: boolean): Promise<void> {
  if (!repository.isGit) throw new Error('not a git repository (--git-branch needs one)');
  if (allowDirty) return;
  const dirty = await uncommittedChanges(repository.root);
  if (dirty.length > 0)
    throw new Error(
      `has uncommitted changes (${dirty.length} file${dirty.length === 1 ? '' : 's'}, e.g. ${dirty[0].slice(3)}); commit or stash them, or pass --allow-dirty`,
    );
}

async function applyChanges(
  job: RepositoryJob,
  toWrite: Array<{ file: string; result: ConversionResult }>,
  rows: CodemodRow[],
  summary: RepositorySummary,
): Promise<void> {
  if (job.mode === 'git-branch') {
    await createBranch(job.repository.root, job.gitBranch as string);
    summary.branch = job.gitBranch as string;
  }
  for (const { file, result } of toWrite) {
    const row = rows.find((r) => r.file === file);
    try {
      await writeFileSafely(path.join(job.repository.root, file), result.output, result.encoding);
      if (row) row.written = true;
    } catch (error) {
      if (row) Object.assign(row, { status: 'error', reason: errorMessage(error) });
    }
  }
  const written = rows.filter((r) => r.written);
  if (job.mode === 'git-branch' && written.length > 0) {
    summary.commit = await commitFiles(
      job.repository.root,
      written.map((r) => r.file),
      commitMessage(written),
    );
  }
}

function rowOf(job: RepositoryJob, file: string, result: ConversionResult): CodemodRow {
  const language = result.detection?.language ?? null;
  return {
    repository: job.display,
    file,
    status: result.status,
    written: false,
    // The row names the file: the reason does not repeat its path.
    reason: result.error
      ? `${result.error.line ? `line ${result.error.line}: ` : ''}${result.error.message}`
      : (result.reason ?? null),
    language,
    framework: result.detection?.framework ?? null,
    builderImage: result.builderImage ?? null,
    runtimeImage: result.runtimeImage ?? null,
    changes: result.changes,
    warnings: result.warnings,
    originalMb: result.estimate?.originalMb ?? null,
    convertedMb: result.estimate?.convertedMb ?? null,
    savingMb: result.estimate?.savingMb ?? null,
  };
}

export function errorRow(repository: string, file: string, reason: string): CodemodRow {
  return {
    repository,
    file,
    status: 'error',
    written: false,
    reason,
    language: null,
    framework: null,
    builderImage: null,
    runtimeImage: null,
    changes: [],
    warnings: [],
    originalMb: null,
    convertedMb: null,
    savingMb: null,
  };
}

function errorMessage(error: unknown): string {
  if (isMsbError(error)) return error.toOneLine();
  return error instanceof Error ? error.message : String(error);
}

/** A repository's summary before any Dockerfile is converted (or when none can be). */
export function emptySummary(repository: string, root: string, error: string | null): RepositorySummary {
  return {
    repository,
    root,
    dockerfiles: 0,
    counts: emptyCounts(),
    patch: null,
    branch: null,
    commit: null,
    error,
  };
}
