/**
 * Runs the same smoke check against the original and the converted image and says whether
 * they behave alike: the image's own command (exit code and output, or both still running when
 * the time is up), a shell command (`--smoke`), or an HTTP probe (`--http PORT/PATH`: same status).
 */
import * as http from 'http';
import { docker, dockerOk, removeContainer } from './docker';

export type SmokeCheck =
  { kind: 'default' } | { kind: 'command'; command: string } | { kind: 'http'; port: number; path: string };

export interface SmokeOutcome {
  /** Exit code, or null when still running at the deadline. */
  exitCode: number | null;
  /** HTTP status for probes (null: no answer). */
  status: number | null;
  /** Trimmed combined output (stdout then stderr), at most a few KB. */
  output: string;
}

export interface SmokeComparison {
  check: string;
  original: SmokeOutcome;
  converted: SmokeOutcome;
  same: boolean;
  /** What differs, when something does. */
  difference: string | null;
}

const OUTPUT_LIMIT = 4096;
let sequence = 0;

export function parseHttpProbe(spec: string): { port: number; path: string } {
  const match = /^(\d{1,5})(\/.*)?$/.exec(spec.trim());
  if (!match || Number(match[1]) < 1 || Number(match[1]) > 65535)
    throw new Error(`--http takes PORT or PORT/PATH (e.g. 8000/health), got "${spec}"`);
  return { port: Number(match[1]), path: match[2] ?? '/' };
}

function describeCheck(check: SmokeCheck, timeoutMs: number): string {
  const seconds = Math.round(timeoutMs / 1000);
  if (check.kind === 'command') return `sh -c '${check.command}' (${seconds} s)`;
  if (check.kind === 'http') return `GET :${check.port}${check.path} (${seconds} s)`;
  return `image command (${seconds} s)`;
}

export async function compareSmoke(
  check: SmokeCheck,
  originalImage: string,
  convertedImage: string,
  timeoutMs: number,
): Promise<SmokeComparison> {
  const original = await runSmoke(check, originalImage, timeoutMs);
  const converted = await runSmoke(check, convertedImage, timeoutMs);
  const difference = differenceOf(check, original, converted);
  return {
    check: describeCheck(check, timeoutMs),
    original,
    converted,
    same: difference === null,
    difference,
  };
}

function differenceOf(check: SmokeCheck, a: SmokeOutcome, b: SmokeOutcome): string | null {
  if (check.kind === 'http')
    return a.status === b.status
      ? null
      : `HTTP status ${a.status ?? 'none'} → ${b.status ?? 'none'}${b.status === null ? ` (${b.output.split('\n').slice(-1)[0]})` : ''}`;
  if (a.exitCode === null && b.exitCode === null) return null; // both still serving
  if (a.exitCode !== b.exitCode)
    return `exit ${a.exitCode ?? 'still running'} → ${b.exitCode ?? 'still running'}${b.output ? `: ${b.output.split('\n').slice(-1)[0]}` : ''}`;
  return a.output === b.output ? null : 'same exit code, different output';
}

async function runSmoke(check: SmokeCheck, image: string, timeoutMs: number): Promise<SmokeOutcome> {
  sequence += 1;
  const name = `msb-verify-${process.pid}-${Date.now().toString(36)}-${sequence}`;
  const run = check.kind === 'command' ? ['--entrypoint', 'sh', image, '-c', check.command] : [image];
  try {
    await dockerOk(['run', '-d', '--name', name, ...run]);
    const deadline = Date.now() + timeoutMs;
    if (check.kind === 'http') return await probeHttp(name, check, deadline);
    const exitCode = await waitForExit(name, deadline);
    return { exitCode, status: null, output: await logs(name) };
  } catch (error) {
    return { exitCode: -1, status: null, output: (error as Error).message };
  } finally {
    await removeContainer(name);
  }
}

async function waitForExit(name: string, deadline: number): Promise<number | null> {
  for (;;) {
    const state = (await dockerOk(['inspect', '--format', '{{.State.Running}} {{.State.ExitCode}}', name]))
      .trim()
      .split(' ');
    if (state[0] !== 'true') return Number(state[1]);
    if (Date.now() >= deadline) return null;
    await sleep(250);
  }
}

async function probeHttp(
  name: string,
  check: { port: number; path: string },
  deadline: number,
): Promise<SmokeOutcome> {
  let lastError = 'no answer';
  for (;;) {
    const ip = (
      await dockerOk([
        'inspect',
        '--format',
        '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}',
        name,
      ])
    )
      .trim()
      .split(/\s+/)[0];
    if (ip) {
      try {
        const status = await httpStatus(`http://${ip}:${check.port}${check.path}`, 2000);
        return { exitCode: null, status, output: await logs(name) };
      } catch (error) {
        lastError = (error as Error).message;
      }
    }
    const exited = await waitForExit(name, 0);
    if (exited !== null)
      return {
        exitCode: exited,
        status: null,
        output: `${await logs(name)}\nexited with ${exited} before answering`.trim(),
      };
    if (Date.now() >= deadline)
      return { exitCode: null, status: null, output: `${await logs(name)}\n${lastError}`.trim() };
    await sleep(500);
  }
}

function httpStatus(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

async function logs(name: string): Promise<string> {
  const result = await docker(['logs', name]);
  return `${result.stdout}${result.stderr}`.trim().slice(-OUTPUT_LIMIT);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
