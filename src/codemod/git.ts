/** The few git operations `codemod --git-branch` needs, through execFile (no shell). */
import { execFile } from 'child_process';
import { MsbError } from '../errors';

const GIT_TIMEOUT_MS = 60_000;

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const detail = (stderr || error.message).trim().split('\n').slice(-3).join(' ');
        reject(new MsbError('usage', `git ${args[0]} failed: ${detail}`, { file: cwd }));
      },
    );
  });
}

/** Tracked files with uncommitted changes (untracked files are never committed by msb, so they do not count). */
export async function uncommittedChanges(cwd: string): Promise<string[]> {
  const out = await git(cwd, ['status', '--porcelain', '--untracked-files=no']);
  return out.split('\n').filter(Boolean);
}

export async function createBranch(cwd: string, branch: string): Promise<void> {
  await git(cwd, ['check-ref-format', '--branch', branch]);
  const exists = await git(cwd, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new MsbError('usage', `branch "${branch}" already exists; choose another --git-branch`, {
      file: cwd,
    });
  await git(cwd, ['checkout', '-q', '-b', branch]);
}

/** Commits exactly the given files (other changes, allowed with --allow-dirty, stay uncommitted). Returns the commit id. */
export async function commitFiles(cwd: string, files: string[], message: string): Promise<string> {
  await git(cwd, ['add', '--', ...files]);
  await git(cwd, ['commit', '-q', '-m', message, '--', ...files]);
  return (await git(cwd, ['rev-parse', 'HEAD'])).trim();
}
