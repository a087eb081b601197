/**
 * The last word on the context files a runtime stage copies (src/plan/runtime-files.ts finds
 * them): a secret-looking file (`.env`) the original image held is kept — marked as carried
 * over, so the lint of the result does not count it as introduced — unless the application
 * loads it only when present, then it is left out; and a file git ignores is named, because a
 * fresh clone (CI) does not have it.
 */
import { posix as path } from 'path';
import { isSecretFileName } from '../analyze/secret-files';
import type { BuildContext } from '../context/build-context';
import type { ContextPaths } from './context-paths';
import type { Decision } from './plan-types';
import type { RuntimeFile } from './runtime-files';

/**
 * How the application reads a file: `required` when it stops without it; `unused` when nothing
 * in the application can read it (no library that loads such files); null when msb cannot tell.
 */
export type FileUse = { required: boolean; unused?: boolean; why: string } | null;

export interface SettledRuntimeFiles {
  /** The files to copy (a kept secret's `why` says so). */
  files: RuntimeFile[];
  /** Container paths of secret-looking files kept because the original image had them. */
  carried: string[];
  warnings: string[];
  /** The files left out. */
  decisions: Decision[];
}

/** `useOf` gets the file's context-relative path (or its base name when no copy maps it). */
export function settleRuntimeFiles(
  files: readonly RuntimeFile[],
  paths: ContextPaths,
  context: BuildContext,
  useOf: (contextPath: string) => FileUse,
): SettledRuntimeFiles {
  const settled: SettledRuntimeFiles = { files: [], carried: [], warnings: [], decisions: [] };
  for (const file of files) {
    const contextPath = paths.toContext(file.path);
    const name = path.basename(file.path);
    const gitIgnored = contextPath !== null && context.isGitIgnored(contextPath);
    const notInClones = `${contextPath} is ignored by git: it exists in this checkout but not in a fresh clone or CI`;
    const missingInClones = `${notInClones}, where the original image lacks it too and the runtime stage's copy of ${file.path} fails the build`;
    if (!isSecretFileName(name)) {
      settled.files.push(file);
      if (gitIgnored) settled.warnings.push(missingInClones);
      continue;
    }
    const use = useOf(contextPath ?? name);
    if (use?.unused) {
      settled.decisions.push({ subject: file.path, placement: 'dropped', why: use.why });
      continue;
    }
    if (use && !use.required) {
      settled.decisions.push({
        subject: file.path,
        placement: 'dropped',
        why: `${use.why}: the app starts without it`,
      });
      settled.warnings.push(
        `${file.path} is left out of the runtime image: the app loads it only when present (${use.why}); it holds secrets, so pass its variables at run time (docker run --env-file)${gitIgnored ? `; ${notInClones}` : ''}`,
      );
      continue;
    }
    settled.files.push({
      ...file,
      why: `${use ? use.why : 'the original image had it and msb cannot tell whether the app needs it'}: kept as in the original image`,
    });
    settled.carried.push(file.path);
    if (gitIgnored) settled.warnings.push(missingInClones);
  }
  return settled;
}
