/**
 * The Dockerfiles a command names: paths, folders (their Dockerfile) and `-`, standard input
 * (read once, named by --stdin-filepath in messages, as prettier does). Each input carries its
 * build context: --context, else the file's folder; for standard input --context, else the
 * folder of --stdin-filepath, else none (detection reads the Dockerfile alone).
 */
import { statSync } from 'fs';
import * as path from 'path';
import { MsbError } from '../errors';
import {
  decodeDockerfile,
  DockerfileSource,
  MAX_DOCKERFILE_BYTES,
  readDockerfileSync,
} from '../parse/read-dockerfile';

/**
 * How `-` reaches the commands: yargs drops a lone `-` from variadic positionals, so main()
 * passes this token in its place (see standardInputToken).
 */
export const STDIN = '<stdin>';
const STDIN_NAME = '<stdin>';

/** The command line with each lone `-` (standard input) replaced by the STDIN token. */
export function standardInputToken(argv: readonly string[]): string[] {
  return argv.map((arg) => (arg === '-' ? STDIN : arg));
}

export interface DockerfileInput {
  /** The name in messages and diffs: the path, or --stdin-filepath (else "<stdin>") for standard input. */
  name: string;
  /** Where the file is; null for standard input. */
  path: string | null;
  /** The build context folder; undefined for none. */
  context?: string;
}

export interface InputFlags {
  context?: string;
  'stdin-filepath'?: string;
}

export function dockerfileInputs(targets: readonly string[], flags: InputFlags): DockerfileInput[] {
  return targets.map((target) => {
    if (target === STDIN) {
      const named = flags['stdin-filepath'];
      return {
        name: named ?? STDIN_NAME,
        path: null,
        context: flags.context ?? (named ? path.dirname(path.resolve(named)) : undefined),
      };
    }
    const file = isDirectory(target) ? path.join(target, 'Dockerfile') : target;
    return { name: file, path: file, context: flags.context ?? path.dirname(path.resolve(file)) };
  });
}

/** Usage problems with the targets themselves, for a yargs check: none, or `-` twice. */
export function targetsProblem(targets: readonly string[] | undefined): string | null {
  if (!targets || targets.length === 0)
    return `name at least one Dockerfile, a folder holding one, or - for standard input`;
  if (targets.filter((t) => t === STDIN).length > 1) return '- (standard input) may be named once';
  return null;
}

/** The input's text; throws MsbError for a missing, binary or oversized file. */
export async function readInput(input: DockerfileInput): Promise<DockerfileSource> {
  return input.path === null ? readStandardInput(input.name) : readDockerfileSync(input.path);
}

async function readStandardInput(name: string): Promise<DockerfileSource> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_DOCKERFILE_BYTES)
      throw new MsbError(
        'too-large',
        `standard input exceeds ${MAX_DOCKERFILE_BYTES} bytes; msb reads Dockerfiles up to that size`,
        { file: name },
      );
    chunks.push(buffer);
  }
  return decodeDockerfile(Buffer.concat(chunks), name);
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}
