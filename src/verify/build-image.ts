/**
 * Builds one image from a temporary copy of a Dockerfile and measures it: wall-clock build
 * time, size and layer count. The copy drops `# syntax=` directives: BuildKit would otherwise
 * pull the Dockerfile frontend image, which an offline engine cannot.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { builderCommand, dockerOk, exec, lastLines } from './docker';

export interface BuiltImage {
  tag: string;
  built: boolean;
  /** Last lines of the build log when the build failed. */
  error: string | null;
  buildMs: number;
  sizeBytes: number | null;
  layers: number | null;
}

export interface BuildRequest {
  tag: string;
  text: string;
  /** Where the temporary Dockerfile goes (a private temp folder). */
  tempFile: string;
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
  const args = [...builder.args, '-t', request.tag, '-f', request.tempFile, ...(request.noCache ? ['--no-cache'] : []), path.resolve(request.context)];
  const started = Date.now();
  const result = await exec(builder.file, args, request.timeoutMs);
  const buildMs = Date.now() - started;
  if (result.code !== 0) {
    const why = result.timedOut ? `timed out after ${Math.round(request.timeoutMs / 1000)} s` : lastLines(result.stderr || result.stdout, 5);
    return { tag: request.tag, built: false, error: why, buildMs, sizeBytes: null, layers: null };
  }
  const [size, layers] = (await dockerOk(['image', 'inspect', '--format', '{{.Size}} {{len .RootFS.Layers}}', request.tag])).trim().split(/\s+/).map(Number);
  return { tag: request.tag, built: true, error: null, buildMs, sizeBytes: size, layers };
}
