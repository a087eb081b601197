import { execFileSync } from 'child_process';
import { readFileSync, readdirSync, writeFileSync, chmodSync } from 'fs';
import * as path from 'path';
import { runCodemod } from '../../src/codemod/run-codemod';
import { git, GIT_ENV, PYTHON_DOCKERFILE, pythonRepo, tempDir, writeTree } from './codemod-helpers';

const isRoot = process.getuid?.() === 0;

function gitApplyCheck(repo: string, patch: string): void {
  execFileSync('git', ['apply', '--check', patch], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('runCodemod', () => {
  const envBackup = { ...process.env };
  beforeAll(() => Object.assign(process.env, GIT_ENV));
  afterAll(() => {
    process.env = envBackup;
  });

  it('dry run: writes one patch per repository that `git apply --check` accepts, and changes nothing', async () => {
    const org = tempDir('msb-org-');
    pythonRepo(path.join(org, 'shop'), {
      'services/worker/Dockerfile.worker': PYTHON_DOCKERFILE,
      'services/worker/requirements.txt': 'celery\n',
      'README.md': 'docs\n',
    });
    pythonRepo(path.join(org, 'docs'), { Dockerfile: 'FROM nginx:alpine\nCOPY . /usr/share/nginx/html\n' });
    const crlf = path.join(org, 'crlf');
    pythonRepo(crlf, { Dockerfile: PYTHON_DOCKERFILE.replace(/\n/g, '\r\n') });
    const outDir = path.join(org, 'out');

    const summary = await runCodemod({ targets: [org], outDir, concurrency: 2 });

    expect(summary.mode).toBe('dry-run');
    expect(summary.totals).toMatchObject({
      repositories: 3,
      dockerfiles: 4,
      converted: 3,
      error: 0,
      repositoryErrors: 0,
    });
    expect(readdirSync(outDir).sort()).toEqual(['crlf.patch', 'shop.patch']);
    const shopPatch = readFileSync(path.join(outDir, 'shop.patch'), 'utf8');
    expect(shopPatch).toContain(
      '--- a/services/worker/Dockerfile.worker\n+++ b/services/worker/Dockerfile.worker',
    );
    expect(shopPatch).toContain('--- a/Dockerfile\n+++ b/Dockerfile');
    gitApplyCheck(path.join(org, 'shop'), path.join(outDir, 'shop.patch'));
    gitApplyCheck(crlf, path.join(outDir, 'crlf.patch'));
    expect(readFileSync(path.join(org, 'shop', 'Dockerfile'), 'utf8')).toBe(PYTHON_DOCKERFILE);

    const row = summary.rows.find((r) => r.repository.endsWith('shop') && r.file === 'Dockerfile');
    expect(row).toMatchObject({
      status: 'converted',
      written: false,
      language: 'python',
      builderImage: 'python:3.11',
      runtimeImage: 'python:3.11-slim',
      originalMb: 1040,
      convertedMb: 190,
      savingMb: 850,
    });
    expect(summary.rows.find((r) => r.repository.endsWith('docs'))).toMatchObject({ status: 'skipped' });
  });

  it('isolates errors: an unreadable or binary Dockerfile and a missing target are recorded, the rest still converts', async () => {
    const org = tempDir('msb-org-');
    pythonRepo(path.join(org, 'good'));
    writeTree(path.join(org, 'binary'), {
      Dockerfile: Buffer.from([0x46, 0x52, 0x00, 0x4d]),
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    const locked = path.join(org, 'locked');
    writeTree(locked, {
      Dockerfile: PYTHON_DOCKERFILE,
      'requirements.txt': 'x\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    if (!isRoot) chmodSync(path.join(locked, 'Dockerfile'), 0o000);

    const summary = await runCodemod({
      targets: [org, path.join(org, 'missing')],
      outDir: path.join(org, 'out'),
      concurrency: 3,
    });

    const byRepo = Object.fromEntries(summary.rows.map((r) => [path.basename(r.repository), r]));
    expect(byRepo.good.status).toBe('converted');
    expect(byRepo.binary).toMatchObject({ status: 'error' });
    expect(byRepo.binary.reason).toMatch(/binary file/);
    if (!isRoot)
      expect(byRepo.locked).toMatchObject({
        status: 'error',
        reason: expect.stringMatching(/permission denied/),
      });
    expect(byRepo.missing).toMatchObject({ status: 'error', file: '' });
    expect(summary.totals.repositoryErrors).toBe(1);
  });

  it('--write replaces the Dockerfile atomically and a second run finds nothing to change', async () => {
    const repo = pythonRepo(tempDir());
    const first = await runCodemod({ targets: [repo], outDir: path.join(repo, '.msb-out'), write: true });
    expect(first.totals.converted).toBe(1);
    expect(first.rows[0]).toMatchObject({ status: 'converted', written: true });
    expect(readFileSync(path.join(repo, 'Dockerfile'), 'utf8')).toContain('AS runtime');
    const second = await runCodemod({ targets: [repo], outDir: path.join(repo, '.msb-out'), write: true });
    expect(second.totals).toMatchObject({ converted: 0, unchanged: 1 });
  });

  it('a second dry run removes the patch of a repository that no longer needs one', async () => {
    const repo = pythonRepo(tempDir());
    const outDir = tempDir('msb-out-');
    await runCodemod({ targets: [repo], outDir });
    const patch = path.join(outDir, readdirSync(outDir)[0]);
    expect(readFileSync(patch, 'utf8')).toContain('AS runtime');
    writeFileSync(
      path.join(repo, 'Dockerfile'),
      'FROM python:3.11 AS build\nRUN true\nFROM python:3.11-slim\nCOPY --from=build /x /x\n',
    );
    const second = await runCodemod({ targets: [repo], outDir });
    expect(second.totals).toMatchObject({ converted: 0, unchanged: 1 });
    expect(second.repositories[0].patch).toBeNull();
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('--git-branch commits on a new branch with an explanatory message', async () => {
    const repo = pythonRepo(tempDir());
    const summary = await runCodemod({
      targets: [repo],
      outDir: tempDir('msb-out-'),
      gitBranch: 'msb/multi-stage',
    });
    expect(summary.repositories[0]).toMatchObject({ branch: 'msb/multi-stage', error: null });
    expect(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('msb/multi-stage');
    const message = git(repo, 'log', '-1', '--format=%B');
    expect(message).toContain('Build Dockerfile in two stages');
    expect(message).toContain(
      '* Dockerfile: python/flask, python:3.11 → python:3.11-slim (about 850 MB smaller)',
    );
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('--git-branch refuses a repository with uncommitted changes unless --allow-dirty, and leaves it untouched', async () => {
    const repo = pythonRepo(tempDir());
    writeFileSync(path.join(repo, 'app.py'), 'print("edited")\n');

    const refused = await runCodemod({
      targets: [repo],
      outDir: tempDir('msb-out-'),
      gitBranch: 'msb/multi-stage',
    });
    expect(refused.repositories[0].error).toMatch(/uncommitted changes.*--allow-dirty/);
    expect(refused.totals.repositoryErrors).toBe(1);
    expect(readFileSync(path.join(repo, 'Dockerfile'), 'utf8')).toBe(PYTHON_DOCKERFILE);
    expect(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');

    const allowed = await runCodemod({
      targets: [repo],
      outDir: tempDir('msb-out-'),
      gitBranch: 'msb/multi-stage',
      allowDirty: true,
    });
    expect(allowed.repositories[0].commit).toMatch(/^[0-9a-f]{40}$/);
    expect(git(repo, 'status', '--porcelain')).toBe(' M app.py\n'); // the user's edit stays uncommitted
  });
});
