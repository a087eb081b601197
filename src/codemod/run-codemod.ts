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
import pLimit from 'p-limit';
import { convertFile, ConversionResult } from '../convert';
import { unifiedDiff } from '../emit/unified-diff';
import { writeFileSafely } from '../emit/write-file';
import { isMsbError } from '../errors';
import { defaultEnvironment } from '../languages';
import type { ConvertOptions } from '../plan/plan-types';
import type { PlanEnvironment } from '../plan/planner';
import { commitMessage } from './commit-message';
import { findDockerfiles, RepositoryTarget, resolveRepositories } from './discover';
import { commitFiles, createBranch, uncommittedChanges } from './git';
import { estimatedSavingMb } from './image-sizes';
import { PatchFile, patchNames } from './patch-file';
import type { CodemodRow, CodemodSummary, CodemodTotals, RepositorySummary } from './types';

export interface CodemodOptions extends Pick<ConvertOptions, 'lang' | 'runtime'> {
  /** Repositories, folders or globs of folders. */
  targets: string[];
  /** Where the patches go (default `.msb-out`, relative to cwd). */
  outDir?: string;
  /** Apply the changes to the Dockerfiles. */
  write?: boolean;
  /** Create this branch in each changed repository and commit there (implies write). */
  gitBranch?: string;
  /** With gitBranch: work on repositories that have uncommitted changes to tracked files. */
  allowDirty?: boolean;
  /** Repositories processed at once (default: number of CPUs). */
  concurrency?: number;
  cwd?: string;
  environment?: PlanEnvironment;
  /** Called once per repository as it finishes (in completion order). */
  onRepository?: (repository: RepositorySummary, done: number, total: number) => void;
  /** Called once the repositories are known, before any work. */
  onStart?: (total: number) => void;
}

export const DEFAULT_OUT_DIR = '.msb-out';
const REPOSITORIES_PER_CORE = 4;

export async function runCodemod(options: CodemodOptions): Promise<CodemodSummary> {
  const started = Date.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir ?? DEFAULT_OUT_DIR);
  const environment = options.environment ?? defaultEnvironment();
  const mode = options.gitBranch ? 'git-branch' : options.write ? 'write' : 'dry-run';
  const { repositories, missing } = await resolveRepositories(options.targets, cwd);
  const names = patchNames(
    repositories.map((r) => r.root),
    cwd,
  );
  const rows: CodemodRow[] = [];
  const summaries: RepositorySummary[] = [];
  for (const pattern of missing) {
    rows.push(failedRow(pattern, '', 'no such file or folder (or the glob matched nothing)'));
    summaries.push({ repository: pattern, root: path.resolve(cwd, pattern), dockerfiles: 0, converted: 0, failed: 0, patch: null, branch: null, commit: null, error: 'no such file or folder' });
  }
  await fs.mkdir(outDir, { recursive: true });
  options.onStart?.(repositories.length);

  const concurrency = Math.max(1, options.concurrency ?? os.cpus().length);
  // Conversions are synchronous CPU work on this thread; more repositories are in flight than
  // `concurrency` so that their file I/O (discovery, reads, patches, git) overlaps it.
  // (Worker threads were measured: on 2 cores the cloning of results cost more than they gained.)
  const limit = pLimit(concurrency * REPOSITORIES_PER_CORE);
  let done = 0;
  await Promise.all(
    repositories.map((repository) =>
      limit(async () => {
        const context: RepositoryRun = { repository, display: displayPath(repository.root, cwd), patchFile: path.join(outDir, names.get(repository.root) as string), mode, options, environment };
        const { summary, repositoryRows } = await processRepository(context);
        rows.push(...repositoryRows);
        summaries.push(summary);
        done += 1;
        options.onRepository?.(summary, done, repositories.length);
      }),
    ),
  );
  const order = (a: { repository: string }, b: { repository: string }) => (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0);
  rows.sort((a, b) => order(a, b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  summaries.sort(order);
  return { mode, outDir, rows, repositories: summaries, totals: totalsOf(rows, summaries), durationMs: Date.now() - started };
}

interface RepositoryRun {
  repository: RepositoryTarget;
  display: string;
  patchFile: string;
  mode: CodemodSummary['mode'];
  options: CodemodOptions;
  environment: PlanEnvironment;
}

async function processRepository(run: RepositoryRun): Promise<{ summary: RepositorySummary; repositoryRows: CodemodRow[] }> {
  const { repository, display, options } = run;
  const summary: RepositorySummary = { repository: display, root: repository.root, dockerfiles: 0, converted: 0, failed: 0, patch: null, branch: null, commit: null, error: null };
  const repositoryRows: CodemodRow[] = [];
  const patch = new PatchFile(run.patchFile);
  try {
    const files = await findDockerfiles(repository);
    summary.dockerfiles = files.length;
    if (run.mode === 'git-branch') await checkCommittable(repository, options.allowDirty ?? false);
    const changed: Array<{ file: string; result: ConversionResult }> = [];
    for (const file of files) {
      const row = await convertOne(run, file, patch, changed);
      repositoryRows.push(row);
    }
    if (patch.written) summary.patch = run.patchFile;
    if (changed.length > 0 && run.mode !== 'dry-run') await applyChanges(run, changed, repositoryRows, summary);
  } catch (error) {
    summary.error = errorMessage(error);
    repositoryRows.push(failedRow(display, '', summary.error));
  } finally {
    await patch.close();
  }
  summary.converted = repositoryRows.filter((r) => r.outcome === 'converted').length;
  summary.failed = repositoryRows.filter((r) => r.outcome === 'failed').length;
  return { summary, repositoryRows };
}

/** Converts one Dockerfile and appends its diff; the full result is kept only when it must be written. */
async function convertOne(run: RepositoryRun, file: string, patch: PatchFile, changed: Array<{ file: string; result: ConversionResult }>): Promise<CodemodRow> {
  const absolute = path.join(run.repository.root, file);
  let result: ConversionResult;
  try {
    result = await convertFile(absolute, { lang: run.options.lang, runtime: run.options.runtime, environment: run.environment });
  } catch (error) {
    return failedRow(run.display, file, `msb failed on this file: ${errorMessage(error)}`);
  }
  const row = rowOf(run, file, result);
  if (result.status === 'changed') {
    await patch.append(unifiedDiff(file, result.original, result.output), result.encoding);
    if (run.mode !== 'dry-run') changed.push({ file, result });
  }
  return row;
}

async function checkCommittable(repository: RepositoryTarget, allowDirty: boolean): Promise<void> {
  if (!repository.isGit) throw new Error('not a git repository (--git-branch needs one)');
  if (allowDirty) return;
  const dirty = await uncommittedChanges(repository.root);
  if (dirty.length > 0) throw new Error(`has uncommitted changes (${dirty.length} file${dirty.length === 1 ? '' : 's'}, e.g. ${dirty[0].slice(3)}); commit or stash them, or pass --allow-dirty`);
}

async function applyChanges(run: RepositoryRun, changed: Array<{ file: string; result: ConversionResult }>, rows: CodemodRow[], summary: RepositorySummary): Promise<void> {
  if (run.mode === 'git-branch') {
    await createBranch(run.repository.root, run.options.gitBranch as string);
    summary.branch = run.options.gitBranch as string;
  }
  const written: string[] = [];
  for (const { file, result } of changed) {
    try {
      await writeFileSafely(path.join(run.repository.root, file), result.output, result.encoding);
      written.push(file);
    } catch (error) {
      const row = rows.find((r) => r.file === file);
      if (row) Object.assign(row, { outcome: 'failed', reason: errorMessage(error) });
    }
  }
  if (run.mode === 'git-branch' && written.length > 0) {
    summary.commit = await commitFiles(run.repository.root, written, commitMessage(rows.filter((r) => written.includes(r.file))));
  }
}

function rowOf(run: RepositoryRun, file: string, result: ConversionResult): CodemodRow {
  const language = result.detection?.language ?? null;
  const profile = language ? run.environment.profiles.find((p) => p.id === language) : undefined;
  const outcome = result.status === 'changed' ? 'converted' : result.status === 'error' ? 'failed' : result.status;
  return {
    repository: run.display,
    file,
    outcome,
    reason: result.reason ?? null,
    language,
    framework: result.detection?.framework ?? null,
    builderImage: result.builderImage ?? null,
    runtimeImage: result.runtimeImage ?? null,
    changes: result.changes,
    warnings: result.warnings,
    savingMb: outcome === 'converted' ? estimatedSavingMb(profile, result.builderImage, result.runtimeImage) : null,
  };
}

function failedRow(repository: string, file: string, reason: string): CodemodRow {
  return { repository, file, outcome: 'failed', reason, language: null, framework: null, builderImage: null, runtimeImage: null, changes: [], warnings: [], savingMb: null };
}

function totalsOf(rows: CodemodRow[], repositories: RepositorySummary[]): CodemodTotals {
  const count = (outcome: CodemodRow['outcome']) => rows.filter((r) => r.file !== '' && r.outcome === outcome).length;
  return {
    repositories: repositories.length,
    repositoryErrors: repositories.filter((r) => r.error !== null).length,
    dockerfiles: rows.filter((r) => r.file !== '').length,
    converted: count('converted'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    failed: count('failed'),
    savingMb: rows.reduce((sum, r) => sum + (r.savingMb ?? 0), 0),
  };
}

function errorMessage(error: unknown): string {
  if (isMsbError(error)) return error.toOneLine();
  return error instanceof Error ? error.message : String(error);
}

function displayPath(root: string, cwd: string): string {
  const rel = path.relative(cwd, root);
  if (rel === '') return '.';
  return rel.startsWith('..') || path.isAbsolute(rel) ? root : rel.split(path.sep).join('/');
}
