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
  simpleShellArgv,
} from '../../analyze/container-command';
import { shellQuote } from '../../analyze/shell-commands';
import type { StageFacts } from '../../analyze/stage-facts';
import { findBinary } from '../../plan/built-binaries';
import type { Decision } from '../../plan/plan-types';
import { commandSpec, containerCommand, original, shellRun, StageNode } from '../../plan/stage-model';
import { parseCargoCommand } from './cargo-commands';
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
  const commands = formCommands(line.form, { keepWrappers: true }).commands;
  const cargo = commands.map((c) => ({ c, cargo: parseCargoCommand(c, setting.cargoOptions) }));
  if (!cargo.some((x) => x.cargo)) return null;
  const subject = `${line.instruction.keyword} (line ${line.instruction.line + 1})`;
  const rest: string[] = [];
  for (const { c, cargo: command } of cargo) {
    if (!command) {
      rest.push(c.text);
      continue;
    }
    if (command.verb !== 'run' && command.verb !== 'build') {
      result.problem = `the container runs "${c.text}" at start-up, which msb cannot move into the build`;
      return null;
    }
    const outputs = cargoOutputs(command, workdir, setting);
    if (!outputs.ok) {
      result.problem = outputs.reason;
      return null;
    }
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
    if (command.verb === 'run') {
      const binary = outputs.binaries[0].path;
      rest.push([binary, ...command.programArgs].map(shellQuote).join(' '));
      result.decisions.push({
        subject,
        placement: 'runtime',
        why: `the command runs the binary ${binary} instead of cargo run`,
      });
    }
  }
  if (rest.length === 0) {
    result.problem = `the container command (line ${line.instruction.line + 1}) only builds the program; msb cannot tell what to run`;
    return null;
  }
  const script = rest.join(' && ');
  const argv = simpleShellArgv(script);
  return argv ? { form: 'exec', argv } : { form: 'shell', script };
}
