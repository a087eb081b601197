/**
 * The Rust container command in the runtime stage: `cargo run` (a compile at every start) moves
 * into the builder as `cargo build` with the same options and the command runs the binary; the
 * lines are then resolved like every artifact's (src/plan/artifact-command.ts), as written: the
 * runtime has a shell or the plan says it lacks one.
 */
import { shellQuote, type ShellCommand } from '../../analyze/shell-commands';
import type { StageFacts } from '../../analyze/stage-facts';
import { resolveCommand, ResolvedCommand } from '../../plan/artifact-command';
import type { Decision } from '../../plan/plan-types';
import { moveStartupBuilds, StartupMove } from '../../plan/startup-builds';
import { shellRun, StageNode } from '../../plan/stage-model';
import { CargoCommand, parseCargoCommand } from './cargo-commands';
import { BuiltBinary, CargoBuildSetting, cargoOutputs } from './cargo-outputs';

export interface RustCommand extends ResolvedCommand {
  /** Builds the container did at start-up, now builder RUN lines. */
  builderRuns: StageNode[];
  /** Binaries those builds make. */
  built: BuiltBinary[];
  problem?: string;
}

export function rustContainerCommand(
  facts: StageFacts,
  binaries: readonly BuiltBinary[],
  builderPath: readonly string[],
  setting: CargoBuildSetting,
): RustCommand {
  const builderRuns: StageNode[] = [];
  const built: BuiltBinary[] = [];
  const decisions: Decision[] = [];
  const moved = moveStartupBuilds(
    facts,
    (c) => parseCargoCommand(c, setting.cargoOptions),
    (c, command, subject) =>
      moveCargo(c, command, subject, facts.workdir, setting, binaries, { builderRuns, built, decisions }),
  );
  const resolved = resolveCommand(
    moved.lines,
    [...binaries, ...built].map((b) => b.path),
    facts.workdir,
    { builderPath, runtimePath: null, wrappersArePrograms: false },
  );
  return {
    ...resolved,
    decisions: [...decisions, ...resolved.decisions],
    builderRuns,
    built,
    problem: moved.problem,
  };
}

/** `cargo run` (and a `cargo build` before it) become a `cargo build` in the builder; the command runs the binary. */
function moveCargo(
  c: ShellCommand,
  command: CargoCommand | null,
  subject: string,
  workdir: string,
  setting: CargoBuildSetting,
  existing: readonly BuiltBinary[],
  result: Pick<RustCommand, 'builderRuns' | 'built' | 'decisions'>,
): StartupMove {
  if (!command) return { keep: c.text };
  if (command.verb !== 'run' && command.verb !== 'build')
    return { problem: `the container runs "${c.text}" at start-up, which msb cannot move into the build` };
  const outputs = cargoOutputs(command, workdir, setting);
  if (!outputs.ok) return { problem: outputs.reason };
  const options = command.parsed.options.flatMap((o) => o.words).map(shellQuote);
  const build = ['cargo', 'build', ...options].join(' ');
  // A RUN line already builds the same binaries (same profile, target and directory): nothing to add.
  const already = outputs.binaries.every((o) => existing.some((b) => b.path === o.path));
  if (!already) {
    result.builderRuns.push(shellRun(build));
    result.built.push(...outputs.binaries);
  }
  result.decisions.push({
    subject,
    placement: 'builder',
    why: already
      ? `"${c.text}" compiled the program at every start; the builder's own cargo build already makes it`
      : `"${c.text}" compiled the program at every start: the builder runs "${build}" once`,
  });
  if (command.verb !== 'run') return { keep: null };
  const binary = outputs.binaries[0].path;
  result.decisions.push({
    subject,
    placement: 'runtime',
    why: `the command runs the binary ${binary} instead of cargo run`,
  });
  return { keep: [binary, ...command.programArgs].map(shellQuote).join(' ') };
}
