/**
 * Programs the container runs that the image got from the build context — committed to the
 * repository, not built (issue 11, class 9). An artifact runtime must copy them like the built
 * ones, and a script needs its interpreter there: the first line `#!/bin/sh` (or `#!/usr/bin/env
 * bash`) names it.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../context/build-context';
import type { ContextPaths } from './context-paths';

export interface ContextProgram {
  /** The program as the command names it. */
  program: string;
  /** Where it is in the image (and so in the builder). */
  path: string;
  /** The program a `#!` line names (`sh`, `bash`, `python3`), or null for a binary. */
  interpreter: string | null;
}

/** The programs a container command starts that are not built binaries (`binary` null) but context files. */
export function committedPrograms(
  programs: readonly { program: string; binary: string | null }[],
  workdir: string,
  paths: ContextPaths,
  context: BuildContext,
): ContextProgram[] {
  const found: ContextProgram[] = [];
  for (const program of new Set(programs.filter((p) => p.binary === null).map((p) => p.program))) {
    // A bare name is looked up on PATH, not in the working directory.
    if (!program.includes('/')) continue;
    const absolute = path.resolve(workdir, program);
    const contextPath = paths.toContext(absolute);
    if (contextPath === null || !paths.exists(contextPath) || paths.isDirectory(contextPath)) continue;
    found.push({ program, path: absolute, interpreter: interpreterOf(context.read(contextPath)) });
  }
  return found;
}

/** `#!/bin/sh -e` → sh; `#!/usr/bin/env bash` → bash; no `#!` line → null. */
export function interpreterOf(text: string | null): string | null {
  const line = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(text ?? '');
  if (!line) return null;
  const program = path.basename(line[1]);
  return program === 'env' && line[2] && !line[2].startsWith('-') ? path.basename(line[2]) : program;
}
