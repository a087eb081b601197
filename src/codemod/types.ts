/** The data a codemod run produces: one row per Dockerfile, one summary per repository. */
import type { ConversionStatus, StatusCounts } from '../status';

export interface CodemodRow {
  /** Repository as the user sees it (relative to the working directory when inside it). */
  repository: string;
  /** Dockerfile path relative to the repository root; empty when the repository itself failed. */
  file: string;
  status: ConversionStatus;
  /** The converted file was written (`--write`, `--git-branch`); false in a dry run. */
  written: boolean;
  /** Why it was skipped / left unchanged, or the error. */
  reason: string | null;
  language: string | null;
  framework: string | null;
  builderImage: string | null;
  runtimeImage: string | null;
  changes: string[];
  warnings: string[];
  /**
   * The size estimate (src/estimate) of the conversion, converted or skipped as not worth it:
   * original and converted image in MB and their difference; null when msb cannot estimate it.
   */
  originalMb: number | null;
  convertedMb: number | null;
  savingMb: number | null;
}

export interface RepositorySummary {
  repository: string;
  root: string;
  dockerfiles: number;
  /** Dockerfiles per status. */
  counts: StatusCounts;
  /** The patch file written for this repository (only when something converted). */
  patch: string | null;
  branch: string | null;
  commit: string | null;
  /** Set when the repository as a whole could not be processed (refused dirty tree, unreadable, git failure). */
  error: string | null;
}

/** Dockerfiles per status (the repositories' own errors are `repositoryErrors`). */
export interface CodemodTotals extends StatusCounts {
  repositories: number;
  repositoryErrors: number;
  dockerfiles: number;
  /** Sum of the known estimated savings of the converted files, MB. */
  savingMb: number;
}

export interface CodemodSummary {
  mode: 'dry-run' | 'write' | 'git-branch';
  outDir: string;
  rows: CodemodRow[];
  repositories: RepositorySummary[];
  totals: CodemodTotals;
  durationMs: number;
  /** Worker threads the repositories ran on (0: the calling thread). */
  workerThreads: number;
}
