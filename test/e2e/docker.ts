/**
 * Docker helpers for the e2e suites, on top of the engine calls `msb verify` makes
 * (src/verify/docker.ts: execFile without a shell, bounded in time) and its image build.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import * as http from 'http';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildImage } from '../../src/verify/build-image';
import { docker, dockerOk, exec, ExecResult, removeContainer } from '../../src/verify/docker';

export const MINUTE = 60_000;

/** Synchronous engine probe (usable while jest collects tests). */
export function dockerEngineAnswers(timeoutMs = 20_000): { ok: boolean; detail: string } {
  try {
    const out = execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      timeout: timeoutMs,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: out.trim() !== '', detail: `server ${out.trim()}` };
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    return { ok: false, detail: (err.stderr || err.message).trim().split('\n').slice(-3).join(' ') };
  }
}

/**
 * Builds `dockerfile` as `msb verify` does (`docker build` or the MSB_DOCKER_BUILD wrapper, `# syntax=`
 * dropped) and returns the image size; throws with the end of the build log when the build fails.
 */
export async function buildExampleImage(o: {
  tag: string;
  dockerfile: string;
  context: string;
  workDir: string;
}): Promise<number> {
  const tempFile = join(o.workDir, `${o.tag.replace(/[^\w.-]+/g, '_')}.Dockerfile`);
  const built = await buildImage({
    tag: o.tag,
    text: readFileSync(o.dockerfile, 'utf8'),
    tempFile,
    logFile: `${tempFile}.log`,
    context: o.context,
    timeoutMs: 20 * MINUTE,
  });
  if (!built.built || built.sizeBytes === null)
    throw new Error(
      `building ${o.dockerfile} as ${o.tag} failed (full log: ${built.logFile}):\n${built.error}`,
    );
  return built.sizeBytes;
}

export interface ImageConfig {
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Env?: string[] | null;
  User?: string;
  WorkingDir?: string;
  ExposedPorts?: Record<string, unknown> | null;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  Healthcheck?: { Test?: string[] } | null;
}

export async function imageConfig(image: string): Promise<ImageConfig> {
  return JSON.parse(
    await dockerOk(['image', 'inspect', '--format', '{{json .Config}}', image]),
  ) as ImageConfig;
}

export function envMap(cfg: ImageConfig): Map<string, string> {
  const m = new Map<string, string>();
  for (const kv of cfg.Env ?? []) {
    const i = kv.indexOf('=');
    m.set(i < 0 ? kv : kv.slice(0, i), i < 0 ? '' : kv.slice(i + 1));
  }
  return m;
}

let seq = 0;
/** A container name unique to this process, so a killed `docker run` can still be removed. */
function uniqueName(prefix: string): string {
  seq += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${seq}`;
}

/** `docker run --rm IMAGE args...`, always removing the container afterwards (also on timeout). */
export async function runOnce(
  image: string,
  args: string[] = [],
  timeoutMs = 2 * MINUTE,
): Promise<ExecResult> {
  const name = uniqueName('msb-e2e-run');
  try {
    const result = await docker(['run', '--rm', '--name', name, image, ...args], timeoutMs);
    if (result.timedOut) throw new Error(`docker run ${image} did not end within ${timeoutMs} ms`);
    return result;
  } finally {
    await removeContainer(name);
  }
}

export async function startDetached(image: string, args: string[] = []): Promise<string> {
  const name = uniqueName('msb-e2e-srv');
  try {
    await dockerOk(['run', '-d', '--name', name, image, ...args]);
  } catch (e) {
    await removeContainer(name);
    throw e;
  }
  return name;
}

export async function containerIp(container: string): Promise<string> {
  const out = await dockerOk([
    'inspect',
    '--format',
    '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}',
    container,
  ]);
  const ip = out.trim().split(/\s+/)[0];
  if (!ip) throw new Error(`container ${container} has no IP address`);
  return ip;
}

async function containerRunning(container: string): Promise<boolean> {
  const r = await docker(['inspect', '--format', '{{.State.Running}}', container]);
  return r.code === 0 && r.stdout.trim() === 'true';
}

async function containerLogs(container: string): Promise<string> {
  const r = await docker(['logs', '--tail', '50', container]);
  return `${r.stdout}${r.stderr}`.trim();
}

async function execIn(container: string, argv: string[], timeoutMs = MINUTE): Promise<ExecResult> {
  return docker(['exec', container, ...argv], timeoutMs);
}

/**
 * Runs the image's HEALTHCHECK test once inside a running container (instead of waiting for the
 * interval). Returns null when the image has no healthcheck.
 */
export async function runHealthcheckOnce(
  container: string,
  cfg: ImageConfig,
  timeoutMs = 30_000,
): Promise<ExecResult | null> {
  const test = cfg.Healthcheck?.Test;
  if (!test || test.length === 0 || test[0] === 'NONE') return null;
  if (test[0] === 'CMD-SHELL')
    return execIn(container, ['/bin/sh', '-c', test.slice(1).join(' ')], timeoutMs);
  if (test[0] === 'CMD') return execIn(container, test.slice(1), timeoutMs);
  return null;
}

export interface HttpResult {
  status: number;
  body: string;
}

export function httpGet(url: string, timeoutMs = 5_000): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the server answers (any status) or the retries run out; stops early if the container died. */
export async function waitForHttp(
  container: string,
  url: string,
  retries = 60,
  delayMs = 500,
): Promise<HttpResult> {
  let last: unknown;
  for (let i = 0; i < retries; i++) {
    try {
      return await httpGet(url, 2_000);
    } catch (e) {
      last = e;
    }
    if (!(await containerRunning(container))) {
      throw new Error(`container exited before answering ${url}:\n${await containerLogs(container)}`);
    }
    await sleep(delayMs);
  }
  throw new Error(
    `no answer from ${url} after ${retries} tries (${String(last)}):\n${await containerLogs(container)}`,
  );
}

async function hasShell(image: string): Promise<boolean> {
  const r = await runWithEntrypoint(image, 'sh', ['-c', 'true']);
  return r.code === 0;
}

async function runWithEntrypoint(image: string, entrypoint: string, args: string[]): Promise<ExecResult> {
  const name = uniqueName('msb-e2e-probe');
  try {
    return await docker(['run', '--rm', '--name', name, '--entrypoint', entrypoint, image, ...args], MINUTE);
  } finally {
    await removeContainer(name);
  }
}

/** Lists the paths of an image's filesystem (docker create + docker export, read with tar -t). */
async function listImageFiles(image: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'msb-e2e-export-'));
  const name = uniqueName('msb-e2e-export');
  try {
    await dockerOk(['create', '--name', name, image, 'none']);
    const tar = join(dir, 'fs.tar');
    await dockerOk(['export', '-o', tar, name], 5 * MINUTE);
    const listing = await exec('tar', ['-tf', tar], 2 * MINUTE);
    if (listing.code !== 0) throw new Error(`tar -tf ${tar} failed: ${listing.stderr}`);
    return listing.stdout.split('\n').filter(Boolean);
  } finally {
    await removeContainer(name);
    rmSync(dir, { recursive: true, force: true });
  }
}

const BIN_DIR = /(^|\/)(s?bin)\/$/;

/**
 * For each command name: is it available in the image? Uses `command -v` when the image has a shell,
 * otherwise looks for an executable-looking file of that name in a bin directory of the exported filesystem.
 */
export async function commandsPresent(image: string, names: string[]): Promise<Map<string, boolean>> {
  const found = new Map<string, boolean>();
  if (names.length === 0) return found;
  if (await hasShell(image)) {
    for (const n of names) {
      const r = await runWithEntrypoint(image, 'sh', ['-c', 'command -v "$1"', 'sh', n]);
      found.set(n, r.code === 0);
    }
    return found;
  }
  const files = await listImageFiles(image);
  for (const n of names) {
    found.set(
      n,
      files.some((f) => {
        const clean = f.replace(/^\.?\//, '');
        const slash = clean.lastIndexOf('/');
        return clean.slice(slash + 1) === n && BIN_DIR.test(clean.slice(0, slash + 1));
      }),
    );
  }
  return found;
}
