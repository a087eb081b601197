/**
 * The path a `--dry-run` diff names, so that `git apply` takes it as `git diff` wrote it: relative
 * to the root of the git repository holding the file, else relative to the current folder.
 * (`a/../x/Dockerfile`, relative to a folder the file is not under, is rejected by git apply.)
 */
import { existsSync } from 'fs';
import * as path from 'path';

export function diffPath(file: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, file);
  const root = gitRoot(path.dirname(absolute));
  return (
    path
      .relative(root ?? cwd, absolute)
      .split(path.sep)
      .join('/') || path.basename(absolute)
  );
}

/** The nearest folder at or above `dir` with a `.git` (a folder, or a file in worktrees and submodules). */
function gitRoot(dir: string): string | null {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return null;
  }
}
