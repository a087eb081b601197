/**
 * The one status vocabulary of msb: what happened to a Dockerfile, the same word in the library's
 * ConversionResult, every command's JSON, the codemod rows, report files and rerun lists, and the
 * text output. Whether the result was written is a separate fact (`written`), because `--check`,
 * `--dry-run` and a codemod dry run convert exactly as `--write` does and only keep the file:
 * their messages say "would convert", printing says "converts", writing says "converted".
 */

export const STATUSES = ['converted', 'unchanged', 'skipped', 'error'] as const;

/**
 * - `converted`: msb produced a multi-stage file (written or not: see the command's `written`);
 * - `unchanged`: nothing to do (already multi-stage);
 * - `skipped`: msb will not convert it, with the reason (unknown language, a construction it will
 *   not guess about, a result it believes broken, nothing to gain);
 * - `error`: bad input, a write that failed, or a bug in msb (kind "internal").
 */
export type ConversionStatus = (typeof STATUSES)[number];

export type StatusCounts = Record<ConversionStatus, number>;

export function emptyCounts(): StatusCounts {
  return { converted: 0, unchanged: 0, skipped: 0, error: 0 };
}

/**
 * What a run does with a converted file: `preview` keeps it (`--check`, `--dry-run`, a codemod
 * dry run), `print` writes it to standard output, `write` replaces or creates a file.
 */
export type OutputMode = 'preview' | 'print' | 'write';

const CONVERT_VERB: Record<OutputMode, string> = {
  preview: 'would convert',
  print: 'converts',
  write: 'converted',
};

/** The verb a message uses for a file msb converts: "would convert", "converts" or "converted". */
export function convertVerb(mode: OutputMode): string {
  return CONVERT_VERB[mode];
}

/** A status as people read it: the status word, except that a conversion is said by its mode's verb. */
export function statusLabel(status: ConversionStatus, mode: OutputMode): string {
  return status === 'converted' ? convertVerb(mode) : status;
}
