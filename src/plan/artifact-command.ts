/**
 * The container command of an artifact runtime stage, resolved against what the builder built:
 * every program a line starts is matched to a built binary (by path against the WORKDIR, or by
 * name on the builder's PATH), so the plan knows what to copy and what the runtime lacks. For a
 * runtime that may have no shell (`runtimePath` given), a simple shell-form line becomes exec form
 * and a binary named by a bare name the runtime's PATH does not reach (`$GOPATH/bin`) is named by
 * its path. The lines come from src/plan/startup-builds.ts, start-up builds already moved.
 */
import { posix as path } from 'path';
import {
  CommandLine,
  formCommands,
  needsShell,
  runsItsArguments,
  simpleShellArgv,
  splitInstruction,
} from '../analyze/container-command';
import type { CommandForm } from '../analyze/instruction-args';
import type { StageFacts } from '../analyze/stage-facts';
import type { BuildContext } from '../context/build-context';
import { findBinary } from './built-binaries';
import type { ContextPaths } from './context-paths';
import { committedPrograms, ContextProgram } from './context-programs';
import type { Decision } from './plan-types';
import { commandSpec, containerCommand, original, StageNode } from './stage-model';

export interface CommandProgram {
  /** The program as the command names it. */
  program: string;
  /** The built binary it is, or null. */
  binary: string | null;
}

export interface ResolvedCommand {
  nodes: StageNode[];
  needsShell: boolean;
  /** The programs the command starts (first words), with the binary each one is, if any. */
  programs: CommandProgram[];
  decisions: Decision[];
}

export interface CommandRules {
  /** The builder's PATH: a bare program name is looked up there among the binaries. */
  builderPath: readonly string[];
  /** The runtime's PATH when the lines are made to run without a shell; null: the lines stay as written. */
  runtimePath: readonly string[] | null;
  /**
   * A wrapper (tini, gosu) is the program its line starts, checked against the runtime; false: the
   * program it wraps is (a runtime that installs the packages the command uses).
   */
  wrappersArePrograms: boolean;
}

/** The CMD that holds the arguments of an exec-form ENTRYPOINT (not a command of its own), if any. */
export function argumentsLine(lines: readonly CommandLine[]): CommandLine | undefined {
  const entrypoint = lines.find((l) => l.instruction.keyword === 'ENTRYPOINT');
  if (!entrypoint || entrypoint.form.form !== 'exec' || runsItsArguments(entrypoint.form.argv)) return;
  return lines.find((l) => l.instruction.keyword === 'CMD');
}

export function resolveCommand(
  lines: readonly CommandLine[],
  binaries: readonly string[],
  workdir: string,
  rules: CommandRules,
): ResolvedCommand {
  const result: ResolvedCommand = { nodes: [], needsShell: false, programs: [], decisions: [] };
  const converted = lines.map((line) => withoutShell(line, rules.runtimePath !== null, result.decisions));
  // A shell-form ENTRYPOINT ignores CMD; once in exec form, CMD would become its arguments.
  const entrypointNowExec = converted.some(
    ({ line, form }) =>
      line.instruction.keyword === 'ENTRYPOINT' &&
      form.form === 'exec' &&
      splitInstruction(line.instruction.text).form.form === 'shell',
  );
  const entrypoint = converted.find((c) => c.line.instruction.keyword === 'ENTRYPOINT');
  const cmdIsArguments =
    entrypoint !== undefined && entrypoint.form.form === 'exec' && !runsItsArguments(entrypoint.form.argv);
  for (const { line, form: initial, changed: initiallyChanged } of converted) {
    let form = initial;
    let changed = initiallyChanged;
    const isCmd = line.instruction.keyword === 'CMD';
    if (isCmd && entrypointNowExec) {
      result.decisions.push({
        subject: subjectOf(line),
        placement: 'dropped',
        why: 'the shell-form ENTRYPOINT ignored CMD; with the exec-form ENTRYPOINT it would become arguments',
      });
      continue;
    }
    if (!(isCmd && cmdIsArguments)) {
      const shell = needsShell(form);
      if (shell) result.needsShell = true;
      const programs = formCommands(form, { keepWrappers: rules.wrappersArePrograms })
        .commands.map((c) => c.words[0])
        .filter(Boolean)
        .map((program) => ({ program, binary: findBinary(program, binaries, workdir, rules.builderPath) }));
      result.programs.push(...programs);
      const { program, binary } = programs[0] ?? { program: '', binary: null };
      const runtimePath = rules.runtimePath;
      if (
        runtimePath &&
        form.form === 'exec' &&
        !shell &&
        binary &&
        !program.includes('/') &&
        !runtimePath.includes(path.dirname(binary))
      ) {
        form = { form: 'exec', argv: [binary, ...form.argv.slice(1)] };
        changed = true;
        result.decisions.push({
          subject: subjectOf(line),
          placement: 'runtime',
          why: `"${program}" was on the builder's PATH in ${path.dirname(binary)}, which the runtime's PATH lacks: the command names ${binary}`,
        });
      }
    }
    result.nodes.push(
      changed ? containerCommand(line.keyword, commandSpec(form)) : original(line.instruction),
    );
  }
  return result;
}

export interface CommandArtifacts {
  /** The built binaries the command runs. */
  run: ReadonlySet<string>;
  /** Programs it starts that a COPY brought from the build context: committed, not built. */
  committed: ContextProgram[];
  /** It needs a shell: its own syntax, or a committed script's `#!` interpreter. */
  needsShell: boolean;
}

/** What the runtime must hold for the command to start. */
export function commandArtifacts(
  command: ResolvedCommand,
  workdir: string,
  paths: ContextPaths,
  context: BuildContext,
): CommandArtifacts {
  const committed = committedPrograms(command.programs, workdir, paths, context);
  return {
    run: new Set(command.programs.map((p) => p.binary).filter((b): b is string => b !== null)),
    committed,
    needsShell: command.needsShell || committed.some((c) => c.interpreter !== null),
  };
}

/** The decision for a stage without ENTRYPOINT or CMD (none when it has one). */
export function noCommandDecisions(facts: StageFacts): Decision[] {
  if (facts.entrypoint || facts.cmd) return [];
  return [
    {
      subject: 'CMD',
      placement: 'runtime',
      why: 'the original has no command (compose or the platform supplies it); the artifacts are at the paths the original image had them',
    },
  ];
}

/** A simple shell-form line as exec form, when the runtime may have no shell. */
function withoutShell(
  line: CommandLine,
  toExec: boolean,
  decisions: Decision[],
): { line: CommandLine; form: CommandForm; changed: boolean } {
  const changed = line.rewritten === true;
  const argv = toExec && line.form.form === 'shell' ? simpleShellArgv(line.form.script) : null;
  if (!argv) return { line, form: line.form, changed };
  decisions.push({
    subject: subjectOf(line),
    placement: 'runtime',
    why: 'shell form without shell syntax becomes exec form: the runtime image has no shell, and the program gets signals directly',
  });
  return { line, form: { form: 'exec', argv }, changed: true };
}

function subjectOf(line: CommandLine): string {
  return `${line.instruction.keyword} (line ${line.instruction.line + 1})`;
}
