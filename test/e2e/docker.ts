/**
 * Small Docker helpers for the e2e suites (examples e2e now, `msb verify` later).
 * Every call goes through execFile (no shell, no string interpolation of paths) with a bounded timeout.
 */
import { execFile, execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as http from 'http';
import { tmpdir } from 'os';
import { join } from 'path';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const MINUTE = 60_000;

/** Runs a command without a shell; resolves with its exit code (never rejects on a non-zero exit). */
export function exec(file: string, args: string[], opts: { timeoutMs?: number; cwd?: string } = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd: opts.cwd, timeout: opts.timeoutMs ?? MINUTE, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err && typeof (err as NodeJS.ErrnoException).code === 'string') {
          reject(new Error(`${file}: ${err.message}`)); // ENOENT and friends: the program itself is missing
          return;
        }
        if (err && err.killed) {
          reject(new Error(`timed out after ${opts.timeoutMs ?? MINUTE} ms: ${file} ${args.join(' ')}`));
          return;
        }
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Like exec, but rejects with the command's stderr when it exits non-zero. */
export async function execOk(file: string, args: string[], opts: { timeoutMs?: number; cwd?: string } = {}): Promise<string> {
  const r = await exec(file, args, opts);
  if (r.code !== 0) {
    const tail = (r.stderr || r.stdout).trim().split('\n').slice(-40).join('\n');
    throw new Error(`${file} ${args.join(' ')} exited with ${r.code}:\n${tail}`);
  }
  return r.stdout;
}

export function docker(args: string[], timeoutMs = MINUTE): Promise<ExecResult> {
  return exec('docker', args, { timeoutMs });
}

export function dockerOk(args: string[], timeoutMs = MINUTE): Promise<string> {
  return execOk('docker', args, { timeoutMs });
}

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

export interface BuildOptions {
  buildScript: string; // the harness build.sh (or any `docker build`-compatible wrapper)
  tag: string;
  dockerfile: string;
  context: string;
  buildArgs?: Record<string, string>;
  timeoutMs?: number;
}

export async function buildImage(o: BuildOptions): Promise<void> {
  const args = ['-t', o.tag, '-f', o.dockerfile];
  for (const [k, v] of Object.entries(o.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
  args.push(o.context);
  await execOk(o.buildScript, args, { timeoutMs: o.timeoutMs ?? 20 * MINUTE });
}

export async function imageSizeBytes(image: string): Promise<number> {
  return Number((await dockerOk(['image', 'inspect', '--format', '{{.Size}}', image])).trim());
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
  return JSON.parse(await dockerOk(['image', 'inspect', '--format', '{{json .Config}}', image])) as ImageConfig;
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
export function uniqueName(prefix: string): string {
  seq += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${seq}`;
}

/** `docker run --rm IMAGE args...`, always removing the container afterwards (also on timeout). */
export async function runOnce(image: string, args: string[] = [], timeoutMs = 2 * MINUTE): Promise<ExecResult> {
  const name = uniqueName('msb-e2e-run');
  try {
    return await docker(['run', '--rm', '--name', name, image, ...args], timeoutMs);
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

export async function containerRunning(container: string): Promise<boolean> {
  const r = await docker(['inspect', '--format', '{{.State.Running}}', container]);
  return r.code === 0 && r.stdout.trim() === 'true';
}

export async function containerLogs(container: string): Promise<string> {
  const r = await docker(['logs', '--tail', '50', container]);
  return `${r.stdout}${r.stderr}`.trim();
}

export async function execIn(container: string, argv: string[], timeoutMs = MINUTE): Promise<ExecResult> {
  return docker(['exec', container, ...argv], timeoutMs);
}

/**
 * Runs the image's HEALTHCHECK test once inside a running container (instead of waiting for the
 * interval). Returns null when the image has no healthcheck.
 */
export async function runHealthcheckOnce(container: string, cfg: ImageConfig, timeoutMs = 30_000): Promise<ExecResult | null> {
  const test = cfg.Healthcheck?.Test;
  if (!test || test.length === 0 || test[0] === 'NONE') return null;
  if (test[0] === 'CMD-SHELL') return execIn(container, ['/bin/sh', '-c', test.slice(1).join(' ')], timeoutMs);
  if (test[0] === 'CMD') return execIn(container, test.slice(1), timeoutMs);
  return null;
}

export async function removeContainer(container: string): Promise<void> {
  await docker(['rm', '-f', '-v', container]).catch(() => undefined);
}

export async function removeImage(image: string): Promise<void> {
  await docker(['rmi', '-f', image]).catch(() => undefined);
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
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the server answers (any status) or the retries run out; stops early if the container died. */
export async function waitForHttp(container: string, url: string, retries = 60, delayMs = 500): Promise<HttpResult> {
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
  throw new Error(`no answer from ${url} after ${retries} tries (${String(last)}):\n${await containerLogs(container)}`);
}

export async function hasShell(image: string): Promise<boolean> {
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
export async function listImageFiles(image: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'msb-e2e-export-'));
  const name = uniqueName('msb-e2e-export');
  try {
    await dockerOk(['create', '--name', name, image, 'none']);
    const tar = join(dir, 'fs.tar');
    await dockerOk(['export', '-o', tar, name], 5 * MINUTE);
    return (await execOk('tar', ['-tf', tar], { timeoutMs: 2 * MINUTE })).split('\n').filter(Boolean);
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
