/**
 * The codemod's defaults, apart from its code: `msb --help` and every other command show them, and
 * loading them must not load the codemod itself (its runner, worker pool and diff).
 */
export const DEFAULT_OUT_DIR = '.msb-out';
/** Runs of this many repositories or more use worker threads by default. */
export const WORKER_THRESHOLD = 5000;
