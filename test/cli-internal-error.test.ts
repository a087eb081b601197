/**
 * An unexpected exception (a bug in msb) while converting one file: one line naming the file and
 * asking for a bug report, exit 3, the stack only with --debug; the codemod records the file as
 * failed and goes on; the library returns it as status "error" of kind "internal".
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import { convertFileSync } from '../src/convert';
import { createEnvironment } from '../src/languages';
import type { PlanEnvironment } from '../src/plan/planner';
import { pythonRepo, tempDir } from './unit/codemod-helpers';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'msb.js');
const CRASH = path.join(__dirname, 'helpers', 'crash-planner.js');
const crashing =
  'FROM python:3.12\n# msb-test: crash\nCOPY . /app\nRUN pip install -r /app/requirements.txt\nCMD ["python", "/app/main.py"]\n';

function msb(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, ['-r', CRASH, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  if (!existsSync(path.join(ROOT, 'dist', 'plan', 'planner.js')))
    throw new Error('build failed: dist/plan/planner.js is missing');
}, 180_000);

describe('an internal error', () => {
  const repo = pythonRepo(tempDir('msb-crash-'), { Dockerfile: crashing });
  const file = path.join(repo, 'Dockerfile');

  it('is one line naming the file and asking for a report, exit 3', () => {
    const run = msb(['convert', file]);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toEqual([
      `msb: ${file}: internal error (TypeError: Cannot read properties of null (reading 'tool')): this is a bug in msb, please report it with the Dockerfile; --debug prints the stack trace`,
    ]);
    expect(run.stdout).toBe('');
  });

  it('--debug adds the stack trace', () => {
    const run = msb(['convert', '--debug', file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/internal error[\s\S]*\n\s+at .*planner/);
  });

  it('does not stop the other files; --json gives kind "internal" without the stack', () => {
    const good = pythonRepo(tempDir('msb-crash-ok-'));
    const run = msb(['convert', '--json', file, path.join(good, 'Dockerfile')]);
    expect(run.code).toBe(3);
    const [crashed, converted] = JSON.parse(run.stdout);
    expect(crashed).toMatchObject({ status: 'error', error: { kind: 'internal' } });
    expect(crashed.error.stack).toBeUndefined();
    expect(converted.status).toBe('converted');
  });

  it('is an error row in a codemod run, which goes on', () => {
    const org = tempDir('msb-crash-org-');
    pythonRepo(path.join(org, 'broken'), { Dockerfile: crashing });
    pythonRepo(path.join(org, 'fine'));
    const run = msb(['codemod', '--json', '--out-dir', tempDir('msb-crash-out-'), org], org);
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(2);
    expect(report.totals).toMatchObject({ converted: 1, error: 1 });
    expect(JSON.stringify(report.rows)).toContain('internal error (TypeError');
  });

  it('comes back from the library as status "error" of kind "internal", never thrown', () => {
    const environment = createEnvironment();
    const throwing: PlanEnvironment = {
      ...environment,
      strategyFor: (profile) => {
        const strategy = environment.strategyFor(profile);
        return {
          ...strategy,
          analyze: (input) => ({
            ...strategy.analyze(input),
            plan: () => {
              throw new RangeError('boom');
            },
          }),
        };
      },
    };
    const result = convertFileSync(path.join(pythonRepo(tempDir('msb-crash-api-')), 'Dockerfile'), {
      environment: throwing,
    });
    expect(result).toMatchObject({ status: 'error', error: { kind: 'internal' } });
    expect(result.reason).toMatch(/Dockerfile: internal error \(RangeError: boom\): this is a bug in msb/);
    expect(result.error?.stack).toMatch(/boom/);
  });
});
