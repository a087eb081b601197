/**
 * Reads a Dockerfile from disk with the checks that turn bad input into one clear error:
 * missing, unreadable, a directory, too large, or binary.
 */
import * as fs from 'fs';
import { MsbError } from '../errors';

/** Bounds the time and memory one file may cost (a real Dockerfile is a few KB). */
export const MAX_DOCKERFILE_BYTES = 4 * 1024 * 1024;

export type TextEncoding = 'utf8' | 'latin1';

/** Strict UTF-8 (a Latin-1 byte fails it); a decode without `stream` keeps no state, so one serves every file. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface DockerfileSource {
  text: string;
  /** How to write the text back: a Latin-1 file stays Latin-1. */
  encoding: TextEncoding;
}

export async function readDockerfile(file: string): Promise<DockerfileSource> {
  return readDockerfileSync(file);
}

/** The same, synchronously: a Dockerfile is a few KB, and the codemod reads thousands in a row. */
export function readDockerfileSync(file: string): DockerfileSource {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw fileError(error, file);
  }
  if (stat.isDirectory()) throw new MsbError('usage', 'is a directory, not a Dockerfile', { file });
  // A FIFO or device would block the read or never end.
  if (!stat.isFile())
    throw new MsbError('unreadable-file', 'not a regular file (a pipe, socket or device)', { file });
  if (stat.size > MAX_DOCKERFILE_BYTES) {
    throw new MsbError(
      'too-large',
      `file is ${stat.size} bytes; msb reads Dockerfiles up to ${MAX_DOCKERFILE_BYTES} bytes`,
      { file },
    );
  }
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    throw fileError(error, file);
  }
  return decodeDockerfile(buffer, file);
}

export function decodeDockerfile(buffer: Buffer, file: string): DockerfileSource {
  if (buffer.length > MAX_DOCKERFILE_BYTES) {
    throw new MsbError(
      'too-large',
      `file is ${buffer.length} bytes; msb reads Dockerfiles up to ${MAX_DOCKERFILE_BYTES} bytes`,
      { file },
    );
  }
  const nul = buffer.indexOf(0);
  if (nul !== -1) {
    const line = buffer.subarray(0, nul).toString('latin1').split('\n').length;
    throw new MsbError('binary-file', 'binary file (NUL byte), not a Dockerfile', { file, line });
  }
  try {
    return {
      text: UTF8.decode(buffer),
      encoding: 'utf8',
    };
  } catch {
    // Latin-1 and other legacy encodings: keep the bytes as characters rather than refuse the file.
    return { text: buffer.toString('latin1'), encoding: 'latin1' };
  }
}

function fileError(error: unknown, file: string): MsbError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new MsbError('missing-file', 'no such file', { file });
  if (code === 'EACCES' || code === 'EPERM')
    return new MsbError('unreadable-file', 'permission denied', { file });
  return new MsbError('unreadable-file', `cannot read: ${(error as Error).message}`, { file });
}
