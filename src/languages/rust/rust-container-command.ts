/**
 * The Rust container command in the runtime stage: `cargo run` (a compile at every start) moves
 * into the builder as `cargo build` with the same options and the command runs the binary; every
 * program the command starts is matched to a built binary (by path, or by name on the builder's
 * PATH), so the plan knows what to copy and where.
 */
import {
  CommandLine,
  commandLines,
  formCommands,
  needsShell,
  runsItsArguments,
} from '../../analyze/container-command';
import { shellQuote, type ShellCommand } from '../../analyze/shell-commands';
import type { StageFacts } from '../../analyze/stage-facts';
import { findBinary } from '../../plan/built-binaries';
import type { Decision } from '../../plan/plan-types';
import { StartupMove, withoutStartupBuilds } from '../../plan/startup-builds';
import { commandSpec, containerCommand, original, shellRun, StageNode } from '../../plan/stage-model';
import { CargoCommand, parseCargoCommand } from './cargo-commands';
import { BuiltBinary, CargoBuildSetting, cargoOutputs } from './cargo-outputs';

export interface RustCommand {
  nodes: StageNode[];
  /** Builds the container did at start-up, now builder RUN lines. */
  builderRuns: StageNode[];
  /** Binaries those builds make. */
  built: BuiltBinary[];
  /** The programs the command starts, with the binary each one is (null: not built). */
  programs: { program: string; binary: string | null }[];
  needsShell: boolean;
  decisions: Decision[];
  problem?: string;
}

export function rustContainerCommand(
  facts: StageFacts,
  binaries: readonly BuiltBinary[],
  builderPath: readonly string[],
  setting: CargoBuildSetting,
): RustCommand {
  const result: RustCommand = {
    nodes: [],
    builderRuns: [],
    built: [],
    programs: [],
    needsShell: false,
    decisions: [],
  };
  const lines = commandLines(facts);
  const entrypoint = lines.find((l) => l.instruction.keyword === 'ENTRYPOINT');
  const cmdIsArguments =
    entrypoint !== undefined && entrypoint.form.form === 'exec' && !runsItsArguments(entrypoint.form.argv);
  for (const line of lines) {
    const moved =
      cmdIsArguments && line === lines.find((l) => l.instruction.keyword === 'CMD')
        ? null
        : moveCargo(line, facts.workdir, setting, binaries, result);
    if (result.problem) return result;
    const form = moved ?? line.form;
    result.nodes.push(moved ? containerCommand(line.keyword, commandSpec(form)) : original(line.instruction));
    if (cmdIsArguments && line.instruction.keyword === 'CMD') continue;
    if (needsShell(form)) result.needsShell = true;
    const all = [...binaries, ...result.built];
    for (const command of formCommands(form).commands) {
      const program = command.words[0];
      if (program)
        result.programs.push({
          program,
          binary: findBinary(
            program,
            all.map((b) => b.path),
            facts.workdir,
            builderPath,
          ),
        });
    }
  }
  return result;
}

/** Replaces `cargo run` (and a `cargo build` before it) in one line; null when it has none. */
function moveCargo(
  line: CommandLine,
  workdir: string,
  setting: CargoBuildSetting,
  built: readonly BuiltBinary[],
  result: RustCommand,
): CommandLine['form'] | null {
  const move = (c: ShellCommand, command: CargoCommand | null, subject: string): StartupMove => {
    if (!command) return { keep: c.text };
    if (command.verb !== 'run' && command.verb !== 'build')
      return { problem: `the container runs "${c.text}" at start-up, which msb cannot move into the build` };
    const outputs = cargoOutputs(command, workdir, setting);
    if (!outputs.ok) return { problem: outputs.reason };
    const options = command.parsed.options.flatMap((o) => o.words).map(shellQuote);
    const build = ['cargo', 'build', ...options].join(' ');
    // A RUN line already builds the same binaries (same profile, target and directory): nothing to add.
    const already = outputs.binaries.every((o) => built.some((b) => b.path === o.path));
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
  };
  const moved = withoutStartupBuilds(line, (c) => parseCargoCommand(c, setting.cargoOptions), move);
  if (moved && 'problem' in moved) result.problem = moved.problem;
  return moved && 'form' in moved ? moved.form : null;
}
