/**
 * The Java container command: where `java` is called (exec form, shell form, `sh -c`), which
 * jar or classpath it runs, and the same command with a new jar path. A build tool as the
 * command (`mvn spring-boot:run`, `gradle bootRun`) is recognised so the plan can build once.
 */
import { INHERITS_ALL } from '../../analyze/command-env';
import {
  CommandLine,
  containerCommand as dockerCommand,
  formCommands,
  shellScript,
} from '../../analyze/container-command';
import type { StageFacts } from '../../analyze/stage-facts';
import type { InstructionNode } from '../../parse/parse-dockerfile';
import { replaceShellWord } from '../../plan/container-command';
import { CommandSpec, commandSpec, containerCommand, original, StageNode } from '../../plan/stage-model';
import { BuildCommand, JavaInvocation, parseBuildCommand, parseJavaInvocation } from './java-commands';
import type { JavaSettings } from './java-settings';

export interface JavaCall {
  line: CommandLine;
  invocation: JavaInvocation;
  /** The call is inside a shell script (shell form or `sh -c`). */
  inShell: boolean;
}

export interface ContainerCommand {
  lines: readonly CommandLine[];
  java: JavaCall | null;
  /** A build tool run as the container command. */
  buildRun: { line: CommandLine; command: BuildCommand } | null;
}

/**
 * The java call and the build tool in the command Docker runs (the core's reading: a shell-form
 * ENTRYPOINT ignores CMD, an exec-form one takes it as arguments), each with the line that holds it.
 */
export function readContainerCommand(facts: StageFacts, settings: JavaSettings): ContainerCommand {
  const { lines, commands } = dockerCommand(facts);
  const result: ContainerCommand = { lines, java: null, buildRun: null };
  for (const { words } of commands) {
    const line = lines.find((l) => formCommands(l.form).commands.some((c) => c.words[0] === words[0]));
    if (!line) continue;
    const build = parseBuildCommand({ words, env: INHERITS_ALL, text: words.join(' ') }, settings);
    if (build && build.run && !result.buildRun) result.buildRun = { line, command: build };
    const invocation = parseJavaInvocation(words, settings);
    const inShell = line.form.form === 'shell' || shellScript(line.form.argv) !== null;
    if (invocation && !result.java) result.java = { line, invocation, inShell };
  }
  return result;
}

/** A runtime ENTRYPOINT/CMD: the user's instruction as written, or a command msb wrote (`written` null). */
export interface RuntimeCommand {
  keyword: string;
  command: CommandSpec;
  written: InstructionNode | null;
}

/** A command msb writes: exec form for an argv, shell form for a script. */
export function newCommand(keyword: string, command: readonly string[] | string): RuntimeCommand {
  const spec: CommandSpec =
    typeof command === 'string' ? { form: 'shell', text: command } : { form: 'exec', argv: command };
  return { keyword, command: spec, written: null };
}

export function keptCommand(line: CommandLine): RuntimeCommand {
  return { keyword: line.keyword, command: commandSpec(line.form), written: line.instruction };
}

export function commandNode(command: RuntimeCommand): StageNode {
  return command.written ? original(command.written) : containerCommand(command.keyword, command.command);
}

/** The command with the jar (or classpath) path replaced, written anew. */
export function rewritePath(line: CommandLine, from: string, to: string): RuntimeCommand {
  const { keyword, form } = line;
  if (form.form === 'shell') return newCommand(keyword, replaceShellWord(form.script, from, to));
  const script = shellScript(form.argv);
  const [shell, c] = form.argv;
  const argv =
    script !== null
      ? [shell, c, replaceShellWord(script, from, to), ...form.argv.slice(3)]
      : form.argv.map((word) => (word === from ? to : word));
  return newCommand(keyword, argv);
}
