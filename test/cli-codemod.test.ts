/** `msb codemod` through the built bin and the compiled library (jest's global setup builds dist/). */
import { execFileSync } from 'child_process';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { builtModule, runMsb } from './helpers/built-msb';
import { GIT_ENV, pythonRepo, tempDir, writeTree } from './unit/codemod-helpers';

function msb(args: string[], cwd: string) {
  const r = runMsb(args, { cwd, env: { ...GIT_ENV, FORCE_COLOR: '0' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('runCodemod on worker threads (the compiled library, as large runs use it)', () => {
  it('gives the same rows, summaries and patches as a run on the main thread, failures included', async () => {
    const { runCodemod } = builtModule<typeof import('../src/codemod')>('codemod');
    const org = tempDir('msb-workers-');
    for (let i = 0; i < 12; i++) pythonRepo(path.join(org, `py-${i}`));
    for (let i = 0; i < 4; i++)
      pythonRepo(path.join(org, `site-${i}`), {
        Dockerfile: 'FROM nginx:alpine\nCOPY . /usr/share/nginx/html\n',
      });
    writeTree(path.join(org, 'binary'), {
      Dockerfile: Buffer.from([0x46, 0x52, 0x00, 0x4d]),
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    const run = async (workers: boolean) => {
      const outDir = tempDir('msb-workers-out-');
      const seen: string[] = [];
      const summary = await runCodemod({
        targets: [org],
        outDir,
        workers,
        concurrency: 3,
        cwd: org,
        onRepository: (r) => seen.push(r.repository),
      });
      const patches = Object.fromEntries(
        readdirSync(outDir).map((name) => [name, readFileSync(path.join(outDir, name), 'utf8')]),
      );
      const strip = (r: { patch: string | null }) => ({ ...r, patch: r.patch && path.basename(r.patch) });
      return {
        threads: summary.workerThreads,
        result: {
          rows: summary.rows,
          repositories: summary.repositories.map(strip),
          totals: summary.totals,
          patches,
          seen: seen.sort(),
        },
      };
    };
    const threaded = await run(true);
    const inline = await run(false);
    expect([threaded.threads, inline.threads]).toEqual([2, 0]);
    expect(threaded.result.totals).toMatchObject({ repositories: 17, converted: 12, skipped: 4, error: 1 });
    expect(Object.keys(threaded.result.patches)).toHaveLength(12);
    expect(threaded.result).toEqual(inline.result);
  }, 60_000);
});

describe('worker pool', () => {
  it.each([
    ['throws', "throw new Error('boom')", /worker failed.*boom/],
    ['exits cleanly', 'process.exit(0)', /worker stopped/],
  ])(
    'a worker that %s mid-batch takes only the batch it was running with it; the rest is finished by others',
    async (_how, die, message) => {
      const { runRepositoryJobs } =
        builtModule<typeof import('../src/codemod/worker-pool')>('codemod/worker-pool');
      const dir = tempDir('msb-pool-');
      // A stand-in worker: answers each batch, but dies on the batch holding the repository "crash".
      const script = path.join(dir, 'worker.js');
      writeTree(dir, {
        'worker.js': `const { parentPort } = require('worker_threads');
parentPort.on('message', ({ id, jobs }) => {
  if (jobs.some((j) => j.display === 'crash')) ${die};
  parentPort.postMessage({ id, outcomes: jobs.map((j) => ({ summary: { repository: j.display, error: null }, rows: [] })) });
});`,
      });
      const jobs = Array.from({ length: 60 }, (_, i) => ({
        display: i === 20 ? 'crash' : `repo-${i}`,
        repository: { root: `/r/${i}`, isGit: false, scopes: [] },
      }));
      const outcomes: { summary: { repository: string; error: string | null } }[] = [];
      await runRepositoryJobs(jobs as never, 2, { profileFiles: [], script }, (o) =>
        outcomes.push(o as never),
      );
      expect(outcomes).toHaveLength(60);
      expect(new Set(outcomes.map((o) => o.summary.repository)).size).toBe(60);
      const failed = outcomes.filter((o) => o.summary.error !== null);
      expect(failed.map((o) => o.summary.repository)).toContain('crash');
      expect(failed).toHaveLength(8); // its own batch; the one queued behind it went to another taker
      expect(failed[0].summary.error).toMatch(message);
    },
    30_000,
  );
});

describe('msb codemod (CLI)', () => {
  it('dry run over a folder of repositories: table, plain progress lines, patches, JSON and Markdown reports, exit 0', () => {
    const org = tempDir('msb-cli-org-');
    pythonRepo(path.join(org, 'api'));
    pythonRepo(path.join(org, 'site'), { Dockerfile: 'FROM nginx:alpine\nCOPY . /usr/share/nginx/html\n' });

    const r = msb(['codemod', '.', '--report', 'report.json', '--concurrency', '2'], org);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('msb: codemod over 2 repositories');
    expect(r.stderr).toMatch(/msb: \[\d\/2\] api: 1 Dockerfile\(s\), would convert 1/);
    expect(r.stdout).toMatch(
      /api\s+Dockerfile\s+python\/flask\s+would convert\s+python:3\.11 → python:3\.11-slim\s+850 MB/,
    );
    expect(r.stdout).toContain(
      '2 repositories, 2 Dockerfiles: would convert 1, unchanged 0, skipped 1, error 0',
    );
    expect(readdirSync(path.join(org, '.msb-out'))).toEqual(['api.patch']);
    const report = JSON.parse(readFileSync(path.join(org, 'report.json'), 'utf8'));
    expect(report.rows.map((row: { status: string }) => row.status)).toEqual(['converted', 'skipped']);

    const md = msb(['codemod', 'api', '--quiet', '--report', 'report.md', '--out-dir', 'patches'], org);
    expect(md).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(org, 'report.md'), 'utf8')).toContain(
      '| api | Dockerfile | python/flask | would convert |',
    );
    expect(readdirSync(path.join(org, 'patches'))).toEqual(['api.patch']);
  });

  it('exits 2 when a repository fails, after processing the others', () => {
    const org = tempDir('msb-cli-org-');
    pythonRepo(path.join(org, 'good'));
    writeTree(path.join(org, 'bad'), {
      Dockerfile: Buffer.from('FROM x\u0000'),
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    const r = msb(['codemod', '*', '--write'], org);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/msb: bad\/Dockerfile: .*binary file/);
    expect(readFileSync(path.join(org, 'good', 'Dockerfile'), 'utf8')).toContain('AS runtime');
  });

  it('--git-branch refuses a dirty repository (exit 2) and --json prints the summary', () => {
    const repo = pythonRepo(tempDir('msb-cli-repo-'));
    writeTree(repo, { 'app.py': 'changed\n' });
    const r = msb(
      ['codemod', '.', '--git-branch', 'msb/multi-stage', '--json', '--out-dir', path.join(tempDir(), 'out')],
      repo,
    );
    expect(r.code).toBe(2);
    const summary = JSON.parse(r.stdout);
    expect(summary.repositories[0].error).toMatch(/uncommitted changes/);
    expect(execFileSync('git', ['branch', '--list', 'msb/*'], { cwd: repo, encoding: 'utf8' })).toBe('');
  });

  it('rejects bad options with a usage error', () => {
    const r = msb(['codemod', '.', '--report', 'out.txt'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--report must end in .json or .md');
  });
});
