/**
 * What `msb codemod` prints and leaves behind, through the built bin: a table that fits 100 columns
 * when piped, consistent counts, each failure said once, --report DIR rerun lists and --repos-from.
 */
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { runMsb } from './helpers/built-msb';
import { git, GIT_ENV, pythonRepo, tempDir, writeTree } from './unit/codemod-helpers';

function msb(args: string[], cwd: string) {
  const r = runMsb(args, { cwd, env: { ...GIT_ENV, FORCE_COLOR: '0' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('msb codemod output', () => {
  it('the table fits 100 columns when piped and shows the first warning', () => {
    const org = tempDir('msb-out-org-');
    const deep = path.join(
      org,
      'a-rather-long-organisation-folder-name',
      'and-a-repository-with-a-long-name-too',
    );
    // libxml2-dev is a -dev package with no known runtime library: a warning about it.
    pythonRepo(deep, {
      'services/backend/worker/Dockerfile.production':
        'FROM python:3.11\nRUN apt-get update && apt-get install -y libxml2-dev libsomething-unknown-dev\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
      'services/backend/worker/requirements.txt': 'flask==3.0.0\n',
    });
    const r = msb(['codemod', '.'], org);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n\n')[0].split('\n');
    expect(lines[0]).toMatch(/^repository\s+file\s+language\s+result\s+images\s+saving\s+first warning$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/…/);
    // Paths lose their start, so the row is found by the end of the file name a user sees.
    const warned = lines.find((line) => /\s…\S*\.production\s/.test(line));
    expect(warned).toMatch(/would convert .* MB {2}no runtime \S+/);
  });

  it('a target that matches nothing is one repository in error, in progress and totals alike', () => {
    const org = tempDir('msb-out-org-');
    const r = msb(['codemod', 'nope'], org);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('msb: codemod over 1 repository\n');
    expect(r.stderr).toContain('msb: [1/1] nope: error: no such file or folder\n');
    expect(r.stdout).toContain(
      '1 repository (1 error), 0 Dockerfiles: would convert 0, unchanged 0, skipped 0, error 0;',
    );
  });

  it('a file in error is named once', () => {
    const org = tempDir('msb-out-org-');
    writeTree(path.join(org, 'bad'), {
      Dockerfile: 'FROM python:3.11\nFROBNICATE now\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    const r = msb(['codemod', 'bad'], org);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^msb: bad\/Dockerfile: line 2: unknown instruction "FROBNICATE"$/m);
    expect(r.stderr).not.toContain(path.join(org, 'bad', 'Dockerfile'));
  });

  it('--git-branch onto an existing branch: nothing written, so nothing counted as converted', () => {
    const repo = pythonRepo(tempDir('msb-out-repo-'));
    git(repo, 'branch', 'msb/multi-stage');
    const r = msb(
      ['codemod', '.', '--git-branch', 'msb/multi-stage', '--out-dir', path.join(tempDir(), 'out')],
      repo,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /1 repository \(1 error\), 1 Dockerfile: converted 0, unchanged 0, skipped 0, error 1;/,
    );
    expect(r.stdout).toMatch(/Dockerfile\s+python\/flask\s+error: not writ/);
    expect(readFileSync(path.join(repo, 'Dockerfile'), 'utf8')).not.toContain('AS runtime');
  });

  it('--report DIR writes rerun lists that --repos-from takes back', () => {
    const org = tempDir('msb-out-org-');
    pythonRepo(path.join(org, 'good'));
    writeTree(path.join(org, 'bad'), {
      Dockerfile: Buffer.from('FROM x\u0000'),
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    pythonRepo(path.join(org, 'static'), { Dockerfile: 'FROM nginx:alpine\nCOPY . /usr/share/nginx/html\n' });
    const first = msb(['codemod', '.', '--report', 'reports/run-1'], org);
    expect(first.code).toBe(2);
    const dir = path.join(org, 'reports', 'run-1');
    expect(readdirSync(dir).sort()).toEqual(['converted.txt', 'error.txt', 'report.json', 'report.md']);
    expect(readFileSync(path.join(dir, 'converted.txt'), 'utf8')).toBe(`${path.join(org, 'good')}\n`);
    expect(readFileSync(path.join(dir, 'error.txt'), 'utf8')).toBe(`${path.join(org, 'bad')}\n`);

    writeFileSync(path.join(org, 'bad', 'Dockerfile'), 'FROM nginx:alpine\n');
    const rerun = msb(['codemod', '--repos-from', path.join(dir, 'error.txt'), '--json'], org);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout).repositories.map((r: { repository: string }) => r.repository)).toEqual([
      'bad',
    ]);
  });

  it('needs a target or a list, and a readable list', () => {
    const dir = tempDir();
    expect(msb(['codemod'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--repos-from FILE'),
    });
    expect(msb(['codemod', '--repos-from', 'missing.txt'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/missing\.txt: --repos-from: cannot read the list/),
    });
  });
});
