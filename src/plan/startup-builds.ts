/**
 * A container command that compiles the program at every start (`go run .`, `cargo run
 * --release`, `go build -o app . && ./app`): the strategy moves each build into the builder and
 * says what still runs at start-up; this module rewrites the line from what is left, joined with
 * `&&`, in exec form when the shell adds nothing (distroless and scratch have none).
 */
import { CommandLine, commandLines, formCommands, simpleShellArgv } from '../analyze/container-command';
import type { StageFacts } from '../analyze/stage-facts';
import { argumentsLine } from './artifact-command';
import type { CommandForm } from '../analyze/instruction-args';
import type { ShellCommand } from '../analyze/shell-commands';

/** What a command of the line becomes: the text still run at start-up (null: none), or why msb cannot move it. */
export type StartupMove = { keep: string | null } | { problem: string };

/**
 * `line` without its start-up builds: `move` gets each command with what `parse` read from it
 * (null: not a build) and the line's subject for decisions. Null when the line runs no build.
 */
function withoutStartupBuilds<B>(
  line: CommandLine,
  parse: (command: ShellCommand) => B | null,
  move: (command: ShellCommand, build: B | null, subject: string) => StartupMove,
): { form: CommandForm } | { problem: string } | null {
  const commands = formCommands(line.form, { keepWrappers: true }).commands.map((c) => ({
    c,
    build: parse(c),
  }));
  if (!commands.some((x) => x.build !== null)) return null;
  const { keyword, line: index } = line.instruction;
  const rest: string[] = [];
  for (const { c, build } of commands) {
    const moved = move(c, build, `${keyword} (line ${index + 1})`);
    if ('problem' in moved) return moved;
    if (moved.keep !== null) rest.push(moved.keep);
  }
  if (rest.length === 0)
    return {
      problem: `the container command (line ${index + 1}) only builds the program; msb cannot tell what to run`,
    };
  const script = rest.join(' && ');
  const argv = simpleShellArgv(script);
  return { form: argv ? { form: 'exec', argv } : { form: 'shell', script } };
}

/**
 * The stage's ENTRYPOINT and CMD with their start-up builds moved (see withoutStartupBuilds; a CMD
 * that only holds an exec-form ENTRYPOINT's arguments is left alone), or why msb cannot move one.
 */
export function moveStartupBuilds<B>(
  facts: StageFacts,
  parse: (command: ShellCommand) => B | null,
  move: (command: ShellCommand, build: B | null, subject: string) => StartupMove,
): { lines: CommandLine[]; problem?: string } {
  const lines = commandLines(facts);
  const argumentsOnly = argumentsLine(lines);
  for (const line of lines) {
    if (line === argumentsOnly) continue;
    const moved = withoutStartupBuilds(line, parse, move);
    if (!moved) continue;
    if ('problem' in moved) return { lines, problem: moved.problem };
    line.form = moved.form;
    line.rewritten = true;
  }
  return { lines };
}
