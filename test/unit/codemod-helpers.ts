/** Temp-folder repositories for the codemod tests. */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

export const PYTHON_DOCKERFILE =
  'FROM python:3.11\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n';

export function tempDir(prefix = 'msb-codemod-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes `files` (relative path → content) under `root`. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'msb test',
  GIT_AUTHOR_EMAIL: 'msb@example.com',
  GIT_COMMITTER_NAME: 'msb test',
  GIT_COMMITTER_EMAIL: 'msb@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A committed git repository holding one convertible Python app (plus `extra` files). */
export function pythonRepo(root: string, extra: Record<string, string> = {}): string {
  writeTree(root, {
    Dockerfile: PYTHON_DOCKERFILE,
    'requirements.txt': 'flask==3.0.0\n',
    'app.py': 'print("hi")\n',
    ...extra,
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial');
  return root;
}
