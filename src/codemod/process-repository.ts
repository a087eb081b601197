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
  const written = new Set<string>();
  try {
    // Discovery and every Dockerfile's build context list the same folders: once each.
    const readDirectory = memoisedReadDirectory();
    const files = findDockerfiles(repository, readDirectory);
    summary.dockerfiles = files.length;
    if (job.mode === 'git-branch') await checkCommittable(repository, job.allowDirty ?? false);
    const changed: Array<{ file: string; result: ConversionResult }> = [];
    for (const file of files)
      rows.push(convertOne(job, { environment, readDirectory }, file, patch, changed));
    await patch.close(job.replacesPatch);
    if (patch.written) summary.patch = job.patchFile;
    if (changed.length > 0 && job.mode !== 'dry-run')
      await applyChanges(job, changed, rows, summary, written);
  } catch (error) {
    summary.error = errorMessage(error);
    rows.push(failedRow(display, '', summary.error));
    // A file is "converted" only once written (outside a dry run): the repository's error stopped the rest.
    if (job.mode !== 'dry-run') {
      for (const row of rows)
        if (row.outcome === 'converted' && !written.has(row.file))
          Object.assign(row, {
            outcome: 'failed',
            reason: 'not written: the repository failed (see its row)',
          });
    }
  }
  summary.converted = rows.filter((r) => r.outcome === 'converted').length;
  summary.failed = rows.filter((r) => r.outcome === 'failed' && r.file !== '').length;
  return { summary, rows };
}

/** A repository that could not be processed at all, as its summary and its one row. */
export function failedRepository(
  job: Pick<RepositoryJob, 'display' | 'repository'>,
  reason: string,
): RepositoryOutcome {
  return {
    summary: emptySummary(job.display, job.repository.root, reason),
    rows: [failedRow(job.display, '', reason)],
  };
}

/** Converts one Dockerfile and appends its diff; the full result is kept only when it must be written. */
function convertOne(
  job: RepositoryJob,
  shared: Required<Pick<ConvertTextOptions, 'environment' | 'readDirectory'>>,
  file: string,
  patch: PatchFile,
  changed: Array<{ file: string; result: ConversionResult }>,
): CodemodRow {
  const absolute = path.join(job.repository.root, file);
  let result: ConversionResult;
  try {
    result = convertFileSync(absolute, { ...job.conversion, ...shared });
  } catch (error) {
    return failedRow(job.display, file, `msb failed on this file: ${errorMessage(error)}`);
  }
  const row = rowOf(job, file, result);
  if (result.status === 'changed') {
    patch.append(unifiedDiff(file, result.original, result.output), result.encoding);
    if (job.mode !== 'dry-run') changed.push({ file, result });
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
  changed: Array<{ file: string; result: ConversionResult }>,
  rows: CodemodRow[],
  summary: RepositorySummary,
  written: Set<string>,
): Promise<void> {
  if (job.mode === 'git-branch') {
    await createBranch(job.repository.root, job.gitBranch as string);
    summary.branch = job.gitBranch as string;
  }
  for (const { file, result } of changed) {
    try {
      await writeFileSafely(path.join(job.repository.root, file), result.output, result.encoding);
      written.add(file);
    } catch (error) {
      const row = rows.find((r) => r.file === file);
      if (row) Object.assign(row, { outcome: 'failed', reason: errorMessage(error) });
    }
  }
  if (job.mode === 'git-branch' && written.size > 0) {
    summary.commit = await commitFiles(
      job.repository.root,
      [...written],
      commitMessage(rows.filter((r) => written.has(r.file))),
    );
  }
}

function rowOf(job: RepositoryJob, file: string, result: ConversionResult): CodemodRow {
  const language = result.detection?.language ?? null;
  const outcome =
    result.status === 'changed' ? 'converted' : result.status === 'error' ? 'failed' : result.status;
  return {
    repository: job.display,
    file,
    outcome,
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

export function failedRow(repository: string, file: string, reason: string): CodemodRow {
  return {
    repository,
    file,
    outcome: 'failed',
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
    converted: 0,
    failed: 0,
    patch: null,
    branch: null,
    commit: null,
    error,
  };
}
