/** `msb codemod` as a library: run it, then render or write the summary. */
export { runCodemod } from './run-codemod';
export { DEFAULT_OUT_DIR, WORKER_THRESHOLD } from './defaults';
export type { CodemodOptions } from './run-codemod';
export { resolveRepositories, findDockerfiles, isDockerfileName } from './discover';
export type { RepositoryTarget } from './discover';
export { reportToJson, reportToMarkdown, reportToTerminal, writeReport } from './report';
export type { CodemodRow, CodemodSummary, CodemodTotals, RepositorySummary } from './types';
