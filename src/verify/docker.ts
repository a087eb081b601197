/**
 * The Docker engine as `msb verify` uses it: every call through execFile (no shell), bounded in
 * time. The builder is `docker build`, or the wrapper named by MSB_DOCKER_BUILD (same arguments).
 */
import { execFile } from 'child_process';
import { MsbError } from '../errors';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export function exec(file: string, args: string[], timeoutMs: number, cwd?: string): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
          reject(new MsbError('usage', `cannot run ${file}: ${(error as NodeJS.ErrnoException).code}`));
          return;
        }
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr), timedOut: Boolean(error?.killed) });
      },
    );
  });
}

export async function docker(args: string[], timeoutMs = 60_000): Promise<ExecResult> {
  return exec('docker', args, timeoutMs);
}

export async function dockerOk(args: string[], timeoutMs = 60_000): Promise<string> {
  const result = await docker(args, timeoutMs);
  if (result.code !== 0)
    throw new Error(`docker ${args[0]} failed: ${lastLines(result.stderr || result.stdout, 3)}`);
  return result.stdout;
}

/** Null when an engine answers, otherwise why not (one line). */
export async function dockerUnavailable(): Promise<string | null> {
  try {
    const result = await docker(['info', '--format', '{{.ServerVersion}}'], 20_000);
    if (result.code === 0 && result.stdout.trim()) return null;
    return lastLines(result.stderr || result.stdout || 'docker info failed', 1);
  } catch (error) {
    return (error as Error).message;
  }
}

/** `docker build`, or MSB_DOCKER_BUILD (a wrapper such as the offline harness's build.sh). */
export function builderCommand(env: NodeJS.ProcessEnv = process.env): { file: string; args: string[] } {
  const wrapper = env.MSB_DOCKER_BUILD?.trim();
  return wrapper ? { file: wrapper, args: [] } : { file: 'docker', args: ['build'] };
}

export async function removeContainer(name: string): Promise<void> {
  await docker(['rm', '-f', '-v', name]).catch(() => undefined);
}

export async function removeImage(image: string): Promise<void> {
  await docker(['rmi', '-f', image]).catch(() => undefined);
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join(' | ');
}
