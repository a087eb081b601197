/**
 * Context files a compiled program may read at run time, for strategies whose runtime stage
 * copies artifacts rather than the whole WORKDIR: what a COPY brought in that is neither source
 * nor used by a build step (`COPY config.yaml /etc/app/`), and directories with run-time names
 * (`config/`, `templates/`) inside a broader copy such as `COPY . .`.
 */
import { posix as path } from 'path';
import { globMatcher } from '../util/glob-matcher';
import type { RunFacts } from '../analyze/stage-facts';
import type { ContextMapping, ContextPaths } from './context-paths';
import { isWithin } from './runtime-stage';

export interface RuntimeFile {
  /** Absolute path, the same in the builder and the runtime. */
  path: string;
  chown: string | null;
  why: string;
}

export interface RuntimeFileRules {
  runtimeDirs: readonly string[];
  /** Globs of files at the top of a broad copy read at run time (`.env`, `config.yaml`). */
  runtimeFiles: readonly string[];
  /** Globs (context-relative) of files never needed at run time. */
  notRuntimeFiles: readonly string[];
  /** Source files: a COPY holding any is a build input, searched only for runtimeDirs. */
  isSource(file: string): boolean;
  /** Files already inside the artifact (Go's //go:embed). */
  isEmbedded?(file: string): boolean;
}

export class RuntimeFileSet {
  readonly files: RuntimeFile[] = [];

  /** Adds a path unless a listed one contains it; drops listed paths it contains. */
  add(file: RuntimeFile): void {
    if (this.files.some((f) => isWithin(file.path, f.path))) return;
    for (let i = this.files.length - 1; i >= 0; i--)
      if (isWithin(this.files[i].path, file.path)) this.files.splice(i, 1);
    this.files.push(file);
  }
}

export function runtimeFileCandidate(rules: RuntimeFileRules): (file: string) => boolean {
  const notRuntime = globMatcher(rules.notRuntimeFiles, { dot: true });
  return (file) => !notRuntime(file) && !(rules.isEmbedded?.(file) ?? false);
}

export function copiedRuntimeFiles(
  paths: ContextPaths,
  runs: readonly RunFacts[],
  rules: RuntimeFileRules,
  set = new RuntimeFileSet(),
): RuntimeFileSet {
  const candidate = runtimeFileCandidate(rules);
  for (const mapping of paths.mappings) {
    const files = paths.filesUnder(mapping.source);
    if (!files.some(candidate)) continue;
    if (mapping.source !== '' && !files.some((f) => rules.isSource(f))) {
      if (usedByBuild(mapping, runs)) continue;
      set.add({
        path: mapping.target,
        chown: mapping.copy.spec.chown,
        why: `${describe(mapping)} copies files that are not source and that no build step reads`,
      });
      continue;
    }
    const topLevel = globMatcher(rules.runtimeFiles, { dot: true });
    for (const file of files.filter(
      (f) => candidate(f) && topLevel(mapping.source === '' ? f : f.slice(mapping.source.length + 1)),
    )) {
      set.add({
        path: path.join(mapping.target, mapping.source === '' ? file : file.slice(mapping.source.length + 1)),
        chown: mapping.copy.spec.chown,
        why: `${path.basename(file)} is read at run time`,
      });
    }
    for (const name of rules.runtimeDirs) {
      const contextDir = mapping.source === '' ? name : `${mapping.source}/${name}`;
      if (paths.isDirectory(contextDir) && paths.filesUnder(contextDir).some(candidate)) {
        set.add({
          path: path.join(mapping.target, name),
          chown: mapping.copy.spec.chown,
          why: `${name}/ is read at run time`,
        });
      }
    }
  }
  return set;
}

/** A RUN after the COPY names its target (`cp -r resources/. classes/`): it is a build input. */
function usedByBuild(mapping: ContextMapping, runs: readonly RunFacts[]): boolean {
  return runs.some(
    (run) =>
      run.instruction.index > mapping.copy.instruction.index &&
      run.commands.some((c) =>
        c.words
          .slice(1)
          .some(
            (w) =>
              !w.startsWith('-') &&
              !w.includes('$') &&
              isWithin(path.resolve(run.workdir, w.replace(/\/\.?$/, '')), mapping.target),
          ),
      ),
  );
}

function describe(mapping: ContextMapping): string {
  return `${mapping.copy.instruction.keyword} (line ${mapping.copy.instruction.line + 1})`;
}
