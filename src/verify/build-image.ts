/**
 * Builds one image from a temporary copy of a Dockerfile and measures it: wall-clock build
 * time, size and layer count. The copy drops `# syntax=` directives: BuildKit would otherwise
 * pull the Dockerfile frontend image, which an offline engine cannot.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildLog, failureExcerpt } from './build-log';
import { builderCommand, dockerOk, exec } from './docker';

export interface BuiltImage {
  tag: string;
  built: boolean;
  /** The failing step's last lines (src/verify/build-log.ts) when the build failed. */
  error: string | null;
  /** Where the full log of a failed build was written. */
  logFile: string | null;
  buildMs: number;
  sizeBytes: number | null;
  layers: number | null;
}

export interface BuildRequest {
  tag: string;
  text: string;
  /** Where the temporary Dockerfile goes (a private temp folder). */
  tempFile: string;
  /** Where the full log goes if the build fails (it outlives the temp folder). */
  logFile: string;
  context: string;
  noCache?: boolean;
  timeoutMs: number;
}

/** Removes `# syntax=` from the parser directives at the top (other directives, e.g. escape, stay). */
export function stripSyntaxDirective(text: string): { text: string; stripped: boolean } {
  const lines = text.split('\n');
  let stripped = false;
  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 ? lines[i].replace(/^\uFEFF/, '') : lines[i];
    const directive = /^#\s*([a-zA-Z]+)\s*=/.exec(line);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'syntax') {
      lines.splice(i, 1);
      i -= 1;
      stripped = true;
    }
  }
  return { text: lines.join('\n'), stripped };
}

export async function buildImage(request: BuildRequest): Promise<BuiltImage> {
  await fs.writeFile(request.tempFile, stripSyntaxDirective(request.text).text);
  const builder = builderCommand();
  const args = [
    ...builder.args,
    '-t',
    request.tag,
    '-f',
    request.tempFile,
    ...(request.noCache ? ['--no-cache'] : []),
    path.resolve(request.context),
  ];
  const started = Date.now();
  const result = await exec(builder.file, args, request.timeoutMs);
  const buildMs = Date.now() - started;
  if (result.code !== 0) {
    const log = buildLog(result.stdout, result.stderr);
    await fs.writeFile(request.logFile, `${log}\n`);
    const excerpt = failureExcerpt(log);
    const why = result.timedOut
      ? `timed out after ${Math.round(request.timeoutMs / 1000)} s${excerpt ? `\n${excerpt}` : ''}`
      : excerpt || `exit code ${result.code}, no output`;
    return {
      tag: request.tag,
      built: false,
      error: why,
      logFile: request.logFile,
      buildMs,
      sizeBytes: null,
      layers: null,
    };
  }
  const [size, layers] = (
    await dockerOk(['image', 'inspect', '--format', '{{.Size}} {{len .RootFS.Layers}}', request.tag])
  )
    .trim()
    .split(/\s+/)
    .map(Number);
  return { tag: request.tag, built: true, error: null, logFile: null, buildMs, sizeBytes: size, layers };
}
