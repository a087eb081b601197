/**
 * The context files an artifact runtime stage copies besides the artifact: those the COPYs bring
 * in that are read at run time (found by the strategy, see src/plan/runtime-files.ts) plus those
 * the container command names as arguments, settled against secrets and git
 * (src/plan/settle-runtime-files.ts); then their COPY lines, and the user's own COPY --from=image
 * lines replayed as written.
 */
import { containerCommand } from '../analyze/container-command';
import type { StageFacts } from '../analyze/stage-facts';
import type { BuildContext } from '../context/build-context';
import { commandFileArguments } from './command-file-arguments';
import type { ContextPaths } from './context-paths';
import type { Decision } from './plan-types';
import { RuntimeFile, RuntimeFileSet } from './runtime-files';
import { isWithin } from './runtime-stage';
import { FileUse, settleRuntimeFiles, SettledRuntimeFiles } from './settle-runtime-files';
import { BUILDER, copy, original, StageNode } from './stage-model';

export interface ArtifactFileRules {
  workdir: string;
  /** Container paths of the artifacts copied anyway: a file inside one is not copied again. */
  artifacts: readonly string[];
  /** A context folder holding source files is a build input, not a file the command reads. */
  isSource(file: string): boolean;
  /** How the application reads a file (src/plan/settle-runtime-files.ts). */
  useOf(contextPath: string): FileUse;
}

export function artifactRuntimeFiles(
  facts: StageFacts,
  paths: ContextPaths,
  context: BuildContext,
  found: readonly RuntimeFile[],
  rules: ArtifactFileRules,
): SettledRuntimeFiles {
  const set = new RuntimeFileSet();
  for (const file of found) set.add(file);
  const named = commandFileArguments(
    containerCommand(facts).commands.map((c) => c.words),
    rules.workdir,
    paths,
    (to, from) => rules.artifacts.some((a) => isWithin(to, a)) || paths.filesUnder(from).some(rules.isSource),
  );
  for (const file of named) set.add(file);
  return settleRuntimeFiles(set.files, paths, context, rules.useOf);
}

/** A COPY per runtime file, owned by the runtime's `owner` of the file's original owner. */
export function runtimeFileCopies(
  files: readonly RuntimeFile[],
  owner: (chown: string | null) => string | null,
): { copies: StageNode[]; decisions: Decision[] } {
  return {
    copies: files.map((file) => copy(BUILDER, file.path, file.path, { chown: owner(file.chown) })),
    decisions: files.map((file) => ({ subject: file.path, placement: 'runtime', why: file.why })),
  };
}

/**
 * The runtime files (see artifactRuntimeFiles) as COPY lines, leaving out a file that holds an
 * artifact (the artifact's own COPY brings it), with what was said about them.
 */
export function artifactFileCopies(
  facts: StageFacts,
  paths: ContextPaths,
  context: BuildContext,
  found: readonly RuntimeFile[],
  rules: ArtifactFileRules,
  owner: (chown: string | null) => string | null,
): { copies: StageNode[]; warnings: string[]; decisions: Decision[]; carried: string[] } {
  const settled = artifactRuntimeFiles(facts, paths, context, found, rules);
  const kept = settled.files.filter((f) => !rules.artifacts.some((a) => isWithin(a, f.path)));
  const { copies, decisions } = runtimeFileCopies(kept, owner);
  const { warnings, carried } = settled;
  return { copies, warnings, decisions: [...settled.decisions, ...decisions], carried };
}

/** The original's `COPY --from=<image>` lines: they copy from an image, not the builder, so they stay as written. */
export function imageCopies(facts: StageFacts): StageNode[] {
  return facts.copies.filter((c) => c.spec.from !== null).map((c) => original(c.instruction));
}
