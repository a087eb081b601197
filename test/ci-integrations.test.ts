/**
 * `.pre-commit-hooks.yaml` and `action.yml` run what they declare: each hook's `entry` with the
 * staged files appended, and each `run:` step of the composite action in bash with its `env:` and
 * `if:` evaluated from the inputs, in order, with $GITHUB_ENV / $GITHUB_OUTPUT carried between steps
 * as the runner does. `msb` is the built CLI; `npm` is a stub that records its calls (no network).
 */
import { spawnSync } from 'child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { MSB_BIN, REPO_ROOT } from './helpers/built-msb';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'python-c-extension');

/** A workspace with the example's single-stage Dockerfile and its converted golden next to it. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-ci-'));
  cpSync(EXAMPLE, path.join(dir, 'app'), { recursive: true });
  mkdirSync(path.join(dir, 'done'));
  cpSync(path.join(EXAMPLE, 'Dockerfile.expected'), path.join(dir, 'done', 'Dockerfile'));
  return dir;
}

/** A bin folder with `msb` (the built CLI, as `npm install -g msb-dockerfile` would give) and a recording `npm`. */
function stubBin(): { bin: string; npmLog: string } {
  const bin = mkdtempSync(path.join(tmpdir(), 'msb-ci-bin-'));
  const npmLog = path.join(bin, 'npm.log');
  const script = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  script('msb', `exec "${process.execPath}" "${MSB_BIN}" "$@"`);
  script('npm', `echo "$PWD: npm $*" >> "${npmLog}"`);
  script('node', `exec "${process.execPath}" "$@"`);
  return { bin, npmLog };
}

describe('.pre-commit-hooks.yaml', () => {
  interface Hook {
    id: string;
    entry: string;
    language: string;
    types: string[];
    args?: string[];
  }
  const hooks = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = (id: string) => hooks.find((h) => h.id === id) as Hook;

  /** What pre-commit runs: entry, args, then the staged files matching `types`. */
  function runHook(h: Hook, files: string[], cwd: string) {
    const { bin } = stubBin();
    const [program, ...entryArgs] = h.entry.split(/\s+/);
    return spawnSync(program, [...entryArgs, ...(h.args ?? []), ...files], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' },
    });
  }

  it('declares msb-check and msb-lint as node hooks over Dockerfiles, running the package`s msb binary', () => {
    expect(hooks.map((h) => h.id)).toEqual(['msb-check', 'msb-lint']);
    const bins = Object.keys(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).bin);
    for (const h of hooks) {
      expect(h).toMatchObject({ language: 'node', types: ['dockerfile'] });
      expect(bins).toContain(h.entry.split(' ')[0]);
    }
  });

  it.each([
    ['msb-check', ['app/Dockerfile'], 1, /would convert app\/Dockerfile \(python\)/],
    ['msb-check', ['done/Dockerfile'], 0, /unchanged done\/Dockerfile/],
    ['msb-check', ['done/Dockerfile', 'app/Dockerfile'], 1, /would convert app\/Dockerfile/],
    ['msb-lint', ['done/Dockerfile'], 0, /^$/],
  ])('%s on %j exits %i', (id, files, code, output) => {
    const dir = workspace();
    const before = readFileSync(path.join(dir, 'app', 'Dockerfile'), 'utf8');
    const r = runHook(hook(id), files, dir);
    expect(r.status).toBe(code);
    expect(`${r.stdout}${r.stderr}`).toMatch(output);
    expect(readFileSync(path.join(dir, 'app', 'Dockerfile'), 'utf8')).toBe(before);
  });

  it('msb-lint fails on a finding and names its rule', () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'bad.Dockerfile'),
      'FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=runtime /a /b\n',
    );
    const r = runHook(hook('msb-lint'), ['bad.Dockerfile'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/MSB00\d/);
  });
});

describe('action.yml', () => {
  interface Step {
    name?: string;
    id?: string;
    uses?: string;
    if?: string;
    shell?: string;
    run?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
  }
  interface Action {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Step[] };
  }
  const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;

  /** `${{ inputs.x }}` and `${{ steps.id.outputs.y }}`, as the runner substitutes them. */
  function expand(text: string, inputs: Record<string, string>, outputs: Record<string, string>): string {
    return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, ref: string) => {
      const [scope, ...rest] = ref.split('.');
      if (scope === 'inputs') return inputs[rest[0]];
      if (scope === 'steps') return outputs[`${rest[0]}.${rest[2]}`] ?? '';
      throw new Error(`unknown expression ${ref}`);
    });
  }

  /** The `if:` expressions the action uses: `inputs.a == 'x'`, `!= ''`, joined by `&&`. */
  function condition(expression: string | undefined, inputs: Record<string, string>): boolean {
    if (expression === undefined) return true;
    return expression.split('&&').every((part) => {
      const m = /^\s*inputs\.([\w-]+)\s*(==|!=)\s*'([^']*)'\s*$/.exec(part);
      if (!m) throw new Error(`unsupported if: ${part}`);
      return m[2] === '==' ? inputs[m[1]] === m[3] : inputs[m[1]] !== m[3];
    });
  }

  /** Runs the action's steps over `workspace` as a runner would; `uses:` steps are recorded, not run. */
  function runAction(given: Record<string, string>, cwd: string) {
    const inputs = Object.fromEntries(
      Object.entries(action.inputs).map(([name, spec]) => [name, given[name] ?? spec.default ?? '']),
    );
    const { bin, npmLog } = stubBin();
    const runnerTemp = mkdtempSync(path.join(tmpdir(), 'msb-ci-runner-'));
    const githubEnv = path.join(runnerTemp, 'env');
    writeFileSync(githubEnv, '');
    const carried: Record<string, string> = {};
    const outputs: Record<string, string> = {};
    const used: Step[] = [];
    let failed: { step: string; code: number | null; output: string } | null = null;
    for (const step of action.runs.steps) {
      if (failed || !condition(step.if, inputs)) continue;
      if (step.uses) {
        used.push({
          ...step,
          with: Object.fromEntries(
            Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v), inputs, outputs)]),
          ),
        });
        continue;
      }
      expect(step.shell).toBe('bash');
      const githubOutput = path.join(runnerTemp, `output-${used.length}-${step.id ?? 'x'}`);
      writeFileSync(githubOutput, '');
      const env = Object.fromEntries(
        Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), inputs, outputs)]),
      );
      const r = spawnSync('bash', ['-e', '-c', expand(step.run as string, inputs, outputs)], {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          ...carried,
          ...env,
          PATH: `${bin}${path.delimiter}${process.env.PATH}`,
          NO_COLOR: '1',
          GITHUB_ACTION_PATH: REPO_ROOT,
          GITHUB_ENV: githubEnv,
          GITHUB_OUTPUT: githubOutput,
          RUNNER_TEMP: runnerTemp,
        },
      });
      for (const line of readFileSync(githubEnv, 'utf8').split('\n').filter(Boolean)) {
        const [key, ...value] = line.split('=');
        carried[key] = value.join('=');
      }
      for (const line of readFileSync(githubOutput, 'utf8').split('\n').filter(Boolean)) {
        const [key, ...value] = line.split('=');
        if (step.id) outputs[`${step.id}.${key}`] = value.join('=');
      }
      if (r.status !== 0)
        failed = { step: step.name ?? '', code: r.status, output: `${r.stdout}${r.stderr}` };
      else used.push({ ...step, run: `${r.stdout}${r.stderr}` });
    }
    const npmCalls = existsSync(npmLog) ? readFileSync(npmLog, 'utf8') : '';
    const reportValue = expand(action.outputs.report.value, inputs, outputs);
    return { failed, used, npmCalls, carried, runnerTemp, report: reportValue };
  }

  it('is a composite action whose first step sets up Node', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0].uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['format', 'mode', 'node-version', 'paths', 'sarif-file', 'version'].sort(),
    );
  });

  it('check: builds msb from the action checkout, annotates the Dockerfile that would convert and fails', () => {
    const dir = workspace();
    const before = readFileSync(path.join(dir, 'app', 'Dockerfile'), 'utf8');
    const run = runAction({ paths: 'app/Dockerfile done/Dockerfile' }, dir);
    expect(run.npmCalls).toBe(`${REPO_ROOT}: npm ci --no-audit --no-fund\n${REPO_ROOT}: npm run build\n`);
    expect(run.carried.MSB).toBe(`node ${REPO_ROOT}/bin/msb.js`);
    expect(run.failed).toMatchObject({ step: 'msb convert --check', code: 1 });
    expect(run.failed?.output).toMatch(
      /^::error file=app\/Dockerfile,line=1,endLine=1,col=1,title=msb would-convert::would convert to multi-stage \(python\)/m,
    );
    expect(run.failed?.output).not.toContain('done/Dockerfile');
    expect(run.used.map((s) => s.uses ?? s.name)).toEqual(['actions/setup-node@v4', 'Install msb']);
    expect(readFileSync(path.join(dir, 'app', 'Dockerfile'), 'utf8')).toBe(before);
  });

  it('check passes on multi-stage Dockerfiles; msb from npm when a version is given', () => {
    const dir = workspace();
    const run = runAction({ paths: 'done', version: '0.1.0' }, dir);
    expect(run.failed).toBeNull();
    expect(run.npmCalls).toBe(`${dir}: npm install --global --no-audit --no-fund msb-dockerfile@0.1.0\n`);
    expect(run.carried.MSB).toBe('msb');
  });

  it('check with sarif-file: writes SARIF 2.1.0, uploads it, then the annotated check fails the job', () => {
    const dir = workspace();
    const run = runAction({ paths: 'app', 'sarif-file': 'msb.sarif' }, dir);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'msb.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'would-convert' });
    const upload = run.used.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with).toMatchObject({ sarif_file: 'msb.sarif' });
    expect(run.failed).toMatchObject({ step: 'msb convert --check', code: 1 });
  });

  it('codemod: converts the checkout in place and names its report folder', () => {
    const dir = workspace();
    const run = runAction({ mode: 'codemod', paths: '.' }, dir);
    expect(run.failed).toBeNull();
    expect(readFileSync(path.join(dir, 'app', 'Dockerfile'), 'utf8')).toBe(
      readFileSync(path.join(EXAMPLE, 'Dockerfile.expected'), 'utf8'),
    );
    expect(run.report).toBe(path.join(run.runnerTemp, 'msb-report'));
    expect(readFileSync(path.join(run.report, 'converted.txt'), 'utf8')).toBe(`${dir}\n`);
  });
});
