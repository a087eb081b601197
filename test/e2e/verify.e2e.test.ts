/**
 * `msb verify` against the local Docker engine (offline harness images). Few builds on purpose:
 * one example, built twice (the second pair comes from the layer cache). Images are removed by
 * msb itself; the test checks that none is left behind.
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT as ROOT, runMsb } from '../helpers/built-msb';
import { dockerEngineAnswers } from './docker';

const EXAMPLE = path.join(ROOT, 'examples', 'python-requirements-console-script', 'Dockerfile');
const HARNESS = path.resolve(ROOT, process.env.MSB_HARNESS_DIR || '../shared/docker-harness', 'build.sh');
const engine = dockerEngineAnswers();

function msb(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = runMsb(args, {
    env: { ...process.env, ...(existsSync(HARNESS) ? { MSB_DOCKER_BUILD: HARNESS } : {}), ...env },
    timeout: 20 * 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function leftoverImages(): string {
  return spawnSync('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}', 'msb-verify'], {
    encoding: 'utf8',
  }).stdout.trim();
}

describe('msb verify', () => {
  it('says in one line that no Docker engine is available, exit 2', () => {
    const r = msb(['verify', EXAMPLE], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^msb: no Docker engine available \(.*\); msb verify needs a running Docker daemon$/m,
    );
  });

  (engine.ok ? it : it.skip)(
    'builds both images, reports size, layers, time and the same behaviour (python example)',
    () => {
      const r = msb(['verify', EXAMPLE, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.verdict).toBe('same');
      expect(report.original).toMatchObject({ built: true });
      expect(report.converted).toMatchObject({ built: true });
      expect(report.sizeRatio).toBeGreaterThan(0);
      expect(report.sizeRatio).toBeLessThan(0.9);
      expect(report.converted.layers).toBeGreaterThan(0);
      expect(report.smoke.original).toMatchObject({ exitCode: 0 });
      expect(report.smoke.converted.output).toContain('Howdy, world! greeter 1.2.0 user=appuser cwd=/app');
      expect(leftoverImages()).toBe('');
    },
  );

  (engine.ok ? it : it.skip)(
    'exits 1 when a smoke command behaves differently (gcc is gone from the runtime image), and prints the table',
    () => {
      const r = msb(['verify', EXAMPLE, '--smoke', 'command -v gcc']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/image size\s+\d+\.\d MB\s+\d+\.\d MB\s+×0\.\d\d/);
      expect(r.stdout).toMatch(/layers\s+\d+\s+\d+/);
      expect(r.stdout).toMatch(/smoke: sh -c 'command -v gcc' \(15 s\)\s+exit 0\s+exit [1-9]\d*\s+DIFFERENT/);
      expect(r.stdout).toContain('verdict: behaves-differently');
      expect(leftoverImages()).toBe('');
    },
  );
});
