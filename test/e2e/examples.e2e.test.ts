/**
 * End-to-end check of every example with an `e2e:` block. `status: converted`: convert it, build
 * original and converted images with the offline harness, run both, compare; the converted image
 * must be smaller than the original ("never larger", README "Principles": a hard assertion).
 * `status: skipped` (msb says there is nothing to gain): `msb convert --write` must leave the file
 * untouched with exit 0, and the conversion forced with --force must really gain less than the
 * default --min-saving (10 MB), so that the skip was right.
 *
 * Environment:
 *   MSB_HARNESS_DIR          the offline Docker harness (default ../shared/docker-harness, relative to the repo root)
 *   MSB_DOCKER_BUILD         build wrapper (default $MSB_HARNESS_DIR/build.sh)
 *   MSB_E2E_CONVERTED_DIR    take <dir>/<case>/Dockerfile instead of running `msb convert`
 *   MSB_E2E_CASES            comma-separated case names to run (default: all)
 *   MSB_E2E_SKIP_NO_DOCKER=1 skip (instead of fail) when no Docker engine answers
 *   MSB_E2E_KEEP_IMAGES=1    keep the built images (tags msb-e2e/<case>:original-*, :converted-*)
 */
import { execFile } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, existsSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { DockerfileParser, PropertyInstruction } from 'dockerfile-ast';
import { MSB_BIN } from '../helpers/built-msb';
import { CaseOptions, E2eSpec } from '../helpers/case-schema';
import { listExamples } from '../helpers/examples';
import { docker, removeContainer, removeImage } from '../../src/verify/docker';
import {
  buildExampleImage,
  commandsPresent,
  containerIp,
  dockerEngineAnswers,
  envMap,
  httpGet,
  ImageConfig,
  imageConfig,
  MINUTE,
  runHealthcheckOnce,
  runOnce,
  startDetached,
  waitForHttp,
} from './docker';

const REPO = resolve(__dirname, '..', '..');
const BUILD_SCRIPT = resolve(
  REPO,
  process.env.MSB_DOCKER_BUILD || `${process.env.MSB_HARNESS_DIR || '../shared/docker-harness'}/build.sh`,
);
// src/verify builds with the wrapper MSB_DOCKER_BUILD names: the same one, resolved from the repository
process.env.MSB_DOCKER_BUILD = BUILD_SCRIPT;
const CONVERTED_DIR = process.env.MSB_E2E_CONVERTED_DIR;
const RUN_ID = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const HTTP_RETRIES = 60; // x 500 ms

interface Case {
  name: string;
  dir: string;
  spec: E2eSpec;
  status: 'converted' | 'skipped';
  /** For skipped cases: a substring of the reason msb gives. */
  reason?: string;
  /** case.yaml `options` (lang, runtime...), passed to `msb convert` as flags. */
  options: CaseOptions;
}

interface Row {
  name: string;
  originalBytes?: number;
  convertedBytes?: number;
  same: string;
  notes: string[];
}

// ---------------------------------------------------------------- discovery

function loadCases(): Case[] {
  const only = (process.env.MSB_E2E_CASES || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const cases: Case[] = [];
  for (const { name, dir, spec, specErrors } of listExamples()) {
    if (specErrors.length > 0) throw new Error(specErrors.join('\n'));
    if (!spec.e2e || spec.status === 'unchanged') continue;
    if (only.length > 0 && !only.includes(name)) continue;
    cases.push({
      name,
      dir,
      spec: spec.e2e,
      status: spec.status,
      reason: spec.reason,
      options: spec.options ?? {},
    });
  }
  return cases;
}

// ---------------------------------------------------------------- conversion

function runCli(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((res) => {
    execFile(process.execPath, [MSB_BIN, ...args], { cwd: REPO, timeout: MINUTE }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      res({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

/** Path of the converted Dockerfile: from MSB_E2E_CONVERTED_DIR, or written by `msb convert --out`. */
async function convertedDockerfile(c: Case, workDir: string): Promise<string> {
  if (CONVERTED_DIR) {
    const file = resolve(CONVERTED_DIR, c.name, 'Dockerfile');
    if (!existsSync(file)) throw new Error(`MSB_E2E_CONVERTED_DIR is set but ${file} does not exist`);
    return file;
  }
  const out = join(workDir, 'Dockerfile.converted');
  const flags = Object.entries(c.options).flatMap(([name, value]) => [`--${name}`, String(value)]);
  const r = await runCli(['convert', join('examples', c.name, 'Dockerfile'), '--out', out, ...flags]);
  if (r.code !== 0 || !existsSync(out)) {
    throw new Error(
      `msb convert failed for ${c.name} (exit ${r.code}); set MSB_E2E_CONVERTED_DIR ` +
        `to test hand-written conversions:\n${r.output}`,
    );
  }
  return out;
}

// ---------------------------------------------------------------- Dockerfile facts

function parseDockerfile(file: string) {
  return DockerfileParser.parse(readFileSync(file, 'utf8'));
}

/** Instructions of the last stage of a Dockerfile with the given keyword. */
function lastStageInstructions(file: string, keyword: string) {
  const df = parseDockerfile(file);
  const froms = df.getFROMs();
  const lastFrom = froms.length > 0 ? froms[froms.length - 1].getRange().start.line : -1;
  return df
    .getInstructions()
    .filter((i) => i.getKeyword() === keyword && i.getRange().start.line >= lastFrom);
}

/** Keys set by ENV / LABEL instructions of the last stage. */
function declaredKeys(file: string, keyword: 'ENV' | 'LABEL'): string[] {
  return lastStageInstructions(file, keyword).flatMap((i) =>
    (i as PropertyInstruction).getProperties().map((p) => p.getName()),
  );
}

const declares = (file: string, keyword: string) => lastStageInstructions(file, keyword).length > 0;

// ---------------------------------------------------------------- behaviour

async function runOutput(image: string, spec: NonNullable<E2eSpec['run']>) {
  const r = await runOnce(image, spec.args ?? [], 2 * MINUTE);
  return { code: r.code, stdout: r.stdout.trim(), stderr: r.stderr.trim().split('\n').slice(-10).join('\n') };
}

async function compareRun(c: Case, original: string, converted: string): Promise<string[]> {
  const spec = c.spec.run!;
  const a = await runOutput(original, spec);
  const b = await runOutput(converted, spec);
  const problems: string[] = [];
  if (spec.expect !== undefined && !a.stdout.includes(spec.expect))
    problems.push(`original output lacks "${spec.expect}": ${a.stdout}`);
  if (spec.expect !== undefined && !b.stdout.includes(spec.expect))
    problems.push(`converted output lacks "${spec.expect}": ${b.stdout}`);
  if (a.stdout !== b.stdout)
    problems.push(`run outputs differ:\n--- original\n${a.stdout}\n--- converted\n${b.stdout}`);
  if (a.code !== b.code) {
    problems.push(
      `exit codes differ: original ${a.code}, converted ${b.code}\n--- converted stderr\n${b.stderr}`,
    );
  }
  return problems;
}

interface HttpObservation {
  responses: Map<string, { status: number; body: string }>;
  healthcheck: string; // "none" | "pass" | "fail (...)"
}

async function observeHttp(
  image: string,
  spec: NonNullable<E2eSpec['http']>,
  cfg: ImageConfig,
): Promise<HttpObservation> {
  const container = await startDetached(image);
  try {
    const base = `http://${await containerIp(container)}:${spec.port}`;
    await waitForHttp(container, `${base}/`, HTTP_RETRIES);
    const responses = new Map<string, { status: number; body: string }>();
    for (const path of spec.paths ?? ['/']) responses.set(path, await httpGet(`${base}${path}`));
    const hc = await runHealthcheckOnce(container, cfg);
    const healthcheck =
      hc === null
        ? 'none'
        : hc.code === 0
          ? 'pass'
          : `fail (exit ${hc.code}: ${(hc.stderr || hc.stdout).trim()})`;
    return { responses, healthcheck };
  } finally {
    await removeContainer(container);
  }
}

async function compareHttp(c: Case, original: string, converted: string): Promise<string[]> {
  const spec = c.spec.http!;
  const a = await observeHttp(original, spec, await imageConfig(original));
  const b = await observeHttp(converted, spec, await imageConfig(converted));
  const problems: string[] = [];
  for (const [path, ra] of a.responses) {
    const rb = b.responses.get(path)!;
    if (ra.status !== rb.status)
      problems.push(`GET ${path}: status ${ra.status} (original) vs ${rb.status} (converted)`);
    if (ra.body !== rb.body)
      problems.push(`GET ${path}: bodies differ:\n--- original\n${ra.body}\n--- converted\n${rb.body}`);
  }
  const root = a.responses.has('/') ? '/' : [...a.responses.keys()][0];
  if (spec.expect !== undefined && !(b.responses.get(root)?.body ?? '').includes(spec.expect)) {
    problems.push(`converted GET ${root} lacks "${spec.expect}"`);
  }
  if (a.healthcheck !== b.healthcheck)
    problems.push(`HEALTHCHECK: original ${a.healthcheck}, converted ${b.healthcheck}`);
  return problems;
}

// ---------------------------------------------------------------- image checks

async function checkAbsent(c: Case, converted: string): Promise<string[]> {
  const present = await commandsPresent(converted, c.spec.absent ?? []);
  return [...present].filter(([, yes]) => yes).map(([n]) => `"${n}" must be absent from the converted image`);
}

/**
 * The runtime contract the original Dockerfile declares must survive: its ENV and LABEL values, its USER,
 * STOPSIGNAL and HEALTHCHECK, and every exposed port (problems). Differences the original did not declare
 * (a runtime base with its own WORKDIR/EXPOSE/STOPSIGNAL, a non-root user added by the converter) are
 * only reported (notes): a conversion to nginx or distroless legitimately changes them.
 */
function compareConfig(
  originalFile: string,
  a: ImageConfig,
  b: ImageConfig,
  builderOnlyEnv: readonly string[],
): { problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const same = (what: string, x: unknown, y: unknown, fatal: boolean) => {
    if (JSON.stringify(x ?? null) === JSON.stringify(y ?? null)) return;
    (fatal ? problems : notes).push(
      `${what}: original ${JSON.stringify(x ?? null)}, converted ${JSON.stringify(y ?? null)}`,
    );
  };
  same('USER', a.User || '', b.User || '', declares(originalFile, 'USER'));
  same('WORKDIR', a.WorkingDir || '', b.WorkingDir || '', false);
  same('STOPSIGNAL', a.StopSignal || '', b.StopSignal || '', declares(originalFile, 'STOPSIGNAL'));
  same('HEALTHCHECK', a.Healthcheck?.Test, b.Healthcheck?.Test, declares(originalFile, 'HEALTHCHECK'));
  const portsA = Object.keys(a.ExposedPorts ?? {}).sort();
  const portsB = Object.keys(b.ExposedPorts ?? {}).sort();
  const lost = portsA.filter((p) => !portsB.includes(p));
  if (lost.length > 0) problems.push(`EXPOSE: converted image no longer exposes ${lost.join(', ')}`);
  else same('EXPOSE', portsA, portsB, false);
  const ea = envMap(a);
  const eb = envMap(b);
  for (const k of declaredKeys(originalFile, 'ENV')) {
    if (k === 'PATH') continue;
    if (!builderOnlyEnv.includes(k)) same(`ENV ${k}`, ea.get(k), eb.get(k), true);
    else if (!ea.has(k) || eb.has(k))
      problems.push(`ENV ${k}: expected set in the original and left in the builder by the conversion`);
  }
  for (const k of builderOnlyEnv)
    if (!declaredKeys(originalFile, 'ENV').includes(k))
      problems.push(`builderOnlyEnv names ${k}, which the original Dockerfile does not declare`);
  for (const k of declaredKeys(originalFile, 'LABEL')) same(`LABEL ${k}`, a.Labels?.[k], b.Labels?.[k], true);
  return { problems, notes };
}

function checkMultiStage(file: string): string[] {
  const n = parseDockerfile(file).getFROMs().length;
  return n >= 2 ? [] : [`converted Dockerfile has ${n} FROM instruction(s); expected a multi-stage file`];
}

// ---------------------------------------------------------------- report

const mb = (bytes?: number) => (bytes === undefined ? '-' : (bytes / 1e6).toFixed(1));

function sizeTable(rows: Row[]): string {
  const header = ['case', 'original MB', 'converted MB', 'ratio', 'behaviour same'];
  const body = rows.map((r) => [
    r.name,
    mb(r.originalBytes),
    mb(r.convertedBytes),
    r.originalBytes && r.convertedBytes ? (r.convertedBytes / r.originalBytes).toFixed(2) : '-',
    r.same,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(widths[i])).join(' | ');
  const notes = rows.flatMap((r) => r.notes.map((n) => `  ${r.name}: ${n}`));
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...body.map(line),
    ...(notes.length > 0
      ? ['', 'config differences not declared by the original Dockerfile (not failures):', ...notes]
      : []),
  ].join('\n');
}

// ---------------------------------------------------------------- the suite

async function checkCase(c: Case, row: Row): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), `msb-e2e-${c.name}-`));
  const original = `msb-e2e/${c.name}:original-${RUN_ID}`;
  const converted = `msb-e2e/${c.name}:converted-${RUN_ID}`;
  const originalFile = join(c.dir, 'Dockerfile');
  try {
    const convertedFile = await convertedDockerfile(c, work);
    const problems = checkMultiStage(convertedFile);
    row.originalBytes = await buildExampleImage({
      tag: original,
      dockerfile: originalFile,
      context: c.dir,
      workDir: work,
    });
    row.convertedBytes = await buildExampleImage({
      tag: converted,
      dockerfile: convertedFile,
      context: c.dir,
      workDir: work,
    });

    const behaviour = [
      ...(c.spec.run ? await compareRun(c, original, converted) : []),
      ...(c.spec.http ? await compareHttp(c, original, converted) : []),
    ];
    row.same = behaviour.length === 0 ? 'yes' : 'NO';
    problems.push(...behaviour);
    const config = compareConfig(
      originalFile,
      await imageConfig(original),
      await imageConfig(converted),
      c.spec.builderOnlyEnv ?? [],
    );
    problems.push(...config.problems);
    row.notes.push(...config.notes);
    problems.push(...(await checkAbsent(c, converted)));
    // Never larger than the original (README "Principles"): maxRatio is at most 1.
    const maxRatio = c.spec.maxRatio ?? 1;
    if (row.convertedBytes >= row.originalBytes * maxRatio) {
      problems.push(
        `converted image ${mb(row.convertedBytes)} MB is not below ${maxRatio} x original ${mb(row.originalBytes)} MB`,
      );
    }
    return problems;
  } finally {
    if (process.env.MSB_E2E_KEEP_IMAGES !== '1') {
      await removeImage(converted);
      await removeImage(original);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

/** The saving below which msb skips by default (src/gates/min-saving.ts DEFAULT_MIN_SAVING). */
const DEFAULT_MIN_SAVING_BYTES = 10e6;

/**
 * A case msb skips: `convert --write` leaves the file alone (exit 0, the reason printed), and
 * the conversion forced anyway really gains less than the default --min-saving.
 */
async function checkSkippedCase(c: Case, row: Row): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), `msb-e2e-${c.name}-`));
  const original = `msb-e2e/${c.name}:original-${RUN_ID}`;
  const forced = `msb-e2e/${c.name}:forced-${RUN_ID}`;
  try {
    const problems: string[] = [];
    const copy = join(work, 'context');
    cpSync(c.dir, copy, { recursive: true });
    const file = join(copy, 'Dockerfile');
    const before = readFileSync(file, 'utf8');
    const written = await runCli(['convert', '--write', file]);
    if (written.code !== 0) problems.push(`msb convert --write exited ${written.code}:\n${written.output}`);
    if (!written.output.includes(`skipped ${file}`) || !written.output.includes(c.reason ?? ''))
      problems.push(`msb convert --write did not skip with "${c.reason}":\n${written.output}`);
    if (readFileSync(file, 'utf8') !== before) problems.push('msb convert --write changed the file');
    const forcedFile = join(work, 'Dockerfile.forced');
    const r = await runCli(['convert', '--force', file, '--out', forcedFile]);
    if (r.code !== 0 || !existsSync(forcedFile)) throw new Error(`msb convert --force failed:\n${r.output}`);
    row.originalBytes = await buildExampleImage({
      tag: original,
      dockerfile: file,
      context: copy,
      workDir: work,
    });
    row.convertedBytes = await buildExampleImage({
      tag: forced,
      dockerfile: forcedFile,
      context: copy,
      workDir: work,
    });
    if (c.spec.run) problems.push(...(await compareRun(c, original, forced)));
    row.same = problems.length === 0 ? 'yes (forced)' : 'NO';
    if (row.originalBytes - row.convertedBytes >= DEFAULT_MIN_SAVING_BYTES)
      problems.push(
        `msb skipped it as not worth it, but the forced conversion saves ${mb(row.originalBytes - row.convertedBytes)} MB (${mb(row.originalBytes)} → ${mb(row.convertedBytes)} MB)`,
      );
    return problems;
  } finally {
    if (process.env.MSB_E2E_KEEP_IMAGES !== '1') {
      await removeImage(forced);
      await removeImage(original);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

const engine = dockerEngineAnswers();
const cases = loadCases();
const rows: Row[] = [];

if (!engine.ok && process.env.MSB_E2E_SKIP_NO_DOCKER === '1') {
  process.stdout.write(`msb e2e: skipped, no Docker engine answers (${engine.detail})\n`);
  describe.skip('examples e2e (no Docker engine)', () => {
    test.each(cases.map((c) => c.name))('%s', () => undefined);
  });
} else if (!engine.ok) {
  describe('examples e2e', () => {
    test('a Docker engine answers', () => {
      throw new Error(
        `no Docker engine answers (\`docker info\` failed: ${engine.detail}). Start one (e.g. ` +
          `$MSB_HARNESS_DIR/setup.sh, default ../shared/docker-harness) or set MSB_E2E_SKIP_NO_DOCKER=1 to skip the e2e suite.`,
      );
    });
  });
} else {
  describe('examples e2e', () => {
    beforeAll(async () => {
      if (!existsSync(BUILD_SCRIPT))
        throw new Error(`build wrapper not found: ${BUILD_SCRIPT} (set MSB_DOCKER_BUILD)`);
      const r = await docker(['version', '--format', '{{.Server.Version}}']);
      if (r.code !== 0) throw new Error(`docker version failed: ${r.stderr}`);
    });

    afterAll(() => {
      const source = CONVERTED_DIR ? `hand-written conversions from ${CONVERTED_DIR}` : 'msb convert';
      process.stdout.write(`\nmsb e2e (${source}):\n${sizeTable(rows)}\n\n`);
    });

    test('at least one example has an e2e block', () => {
      expect(cases.length).toBeGreaterThan(0);
    });

    test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const row: Row = { name: c.name, same: 'error', notes: [] };
      rows.push(row);
      const problems = c.status === 'skipped' ? await checkSkippedCase(c, row) : await checkCase(c, row);
      expect(problems).toEqual([]);
    });
  });
}
