/**
 * The built `msb` (bin/msb.js over dist/), for the suites that test what users run. Jest's global
 * setup (test/global-setup.ts) compiles dist/ once per run, before any suite that imports this file.
 */
import { spawnSync, SpawnSyncOptionsWithStringEncoding, SpawnSyncReturns } from 'child_process';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const MSB_BIN = path.join(REPO_ROOT, 'bin', 'msb.js');

/** Runs `node bin/msb.js ...args` and waits for it (cwd: the repository unless given). */
export function runMsb(
  args: string[],
  options: Partial<SpawnSyncOptionsWithStringEncoding> = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [MSB_BIN, ...args], { cwd: REPO_ROOT, ...options, encoding: 'utf8' });
}

/** A module of the compiled library, e.g. `builtModule<typeof import('../../src/codemod')>('codemod')`. */
export function builtModule<T>(relativePath: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/ is plain CommonJS, loaded at run time
  return require(path.join(REPO_ROOT, 'dist', relativePath)) as T;
}
