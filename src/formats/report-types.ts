/**
 * The one shape every `--format` renders: problems per file (as eslint's results), plus the rules
 * they refer to (SARIF lists them). `msb lint` and `msb convert --check` each build one.
 */
import type { Severity } from '../lint/lint-types';

export interface ReportMessage {
  /** A lint rule id (`MSB001`) or a pseudo-rule of the command (`would-convert`, `input-error`). */
  ruleId: string;
  severity: Severity;
  /** 1-based; line 1 column 1 when the problem has no place (an unreadable file). */
  line: number;
  column: number;
  endLine: number;
  message: string;
}

export interface FileReport {
  /** The path as the user gave it. */
  file: string;
  messages: ReportMessage[];
}

export interface ReportRule {
  id: string;
  severity: Severity;
  description: string;
}

export interface Report {
  rules: readonly ReportRule[];
  files: FileReport[];
}

export interface FormatOptions {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** Folder that relative locations are resolved against (SARIF `%SRCROOT%`, GitHub `file=`). */
  cwd: string;
}

export function countProblems(files: readonly FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}
