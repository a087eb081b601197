/**
 * Files a Go program reads at run time that the original image held: the copies and run-time
 * directories `copiedRuntimeFiles` finds, plus paths named by string literals in the code,
 * minus what `//go:embed` already put inside the binary.
 */
import { posix as path } from 'path';
import type { RunFacts } from '../../analyze/stage-facts';
import type { ContextPaths } from '../../plan/context-paths';
import {
  copiedRuntimeFiles,
  RuntimeFile,
  runtimeFileCandidate,
  RuntimeFileRules,
} from '../../plan/runtime-files';
import { isWithin } from '../../plan/runtime-stage';
import type { GoSources } from './go-sources';

export function goRuntimeFiles(
  paths: ContextPaths,
  runs: readonly RunFacts[],
  sources: GoSources,
  workdir: string,
  settings: { runtimeFiles: string[]; runtimeDirs: string[]; notRuntimeFiles: string[] },
): RuntimeFile[] {
  const rules: RuntimeFileRules = {
    ...settings,
    isSource: (f) => f.endsWith('.go'),
    isEmbedded: sources.isEmbedded,
  };
  const set = copiedRuntimeFiles(paths, runs, rules);
  const candidate = runtimeFileCandidate(rules);
  const owner = (containerPath: string) =>
    [...paths.mappings].reverse().find((m) => isWithin(containerPath, m.target))?.copy.spec.chown ?? null;
  for (const literal of new Set(sources.packages.flatMap((p) => p.pathLiterals))) {
    const cleaned = literalPath(literal);
    if (!cleaned) continue;
    const containerPath = path.resolve(workdir, cleaned);
    const contextPath = paths.toContext(containerPath);
    if (contextPath === null || contextPath === '' || !paths.filesUnder(contextPath).some(candidate))
      continue;
    set.add({ path: containerPath, chown: owner(containerPath), why: `the code names "${literal}"` });
  }
  return set.files;
}

/** `./templates/*.html` → `templates`; `config.yaml` stays; `.` and `..` paths are dropped. */
function literalPath(literal: string): string | null {
  const segments = literal.split('/');
  const glob = segments.findIndex((s) => /[*?[]/.test(s));
  const kept = (glob === -1 ? segments : segments.slice(0, glob)).join('/').replace(/\/+$/, '');
  const normalised = path.normalize(kept || '.');
  if (normalised === '.' || normalised === '/' || normalised.startsWith('..')) return null;
  return normalised;
}
