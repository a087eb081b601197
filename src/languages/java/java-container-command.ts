/**
 * The Java container command: where `java` is called (exec form, shell form, `sh -c`), which
 * jar or classpath it runs, and the same command with a new jar path. A build tool as the
 * command (`mvn spring-boot:run`, `gradle bootRun`) is recognised so the plan can build once.
 */
import { CommandLine, commandLines, formCommands, shellScript } from '../../analyze/container-command';
import type { CommandForm } from '../../analyze/instruction-args';
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
  lines: CommandLine[];
  java: JavaCall | null;
  /** A build tool run as the container command. */
  buildRun: { line: CommandLine; command: BuildCommand } | null;
}

export function readContainerCommand(facts: StageFacts, settings: JavaSettings): ContainerCommand {
  const lines = commandLines(facts);
  const result: ContainerCommand = { lines, java: null, buildRun: null };
  // Exec-form ENTRYPOINT + CMD run as one argv (`ENTRYPOINT ["mvn"]` + `CMD ["jetty:run"]`).
  const [first, second] = lines;
  const joined =
    first?.instruction.keyword === 'ENTRYPOINT' &&
    second &&
    first.form.form === 'exec' &&
    second.form.form === 'exec'
      ? [...first.form.argv, ...second.form.argv]
      : null;
  for (const line of lines) {
    const inShell = line.form.form === 'shell' || shellScript(line.form.argv) !== null;
    const form: CommandForm = line === first && joined ? { form: 'exec', argv: joined } : line.form;
    for (const { words } of formCommands(form).commands) {
      const build = parseBuildCommand({ words, text: words.join(' ') }, settings);
      if (build && build.run && !result.buildRun) result.buildRun = { line, command: build };
      const invocation = parseJavaInvocation(words, settings);
      if (invocation && !result.java) result.java = { line, invocation, inShell };
    }
  }
  return result;
}

/** A runtime ENTRYPOINT/CMD: the user's instruction as written, or a command msb wrote (`written` null). */
export interface RuntimeCommand {
  keyword: string;
  command: CommandSpec;
  written: InstructionNode | null;
}

export function keptCommand(line: CommandLine): RuntimeCommand {
  return { keyword: line.keyword, command: commandSpec(line.form), written: line.instruction };
}

export function commandNode(command: RuntimeCommand): StageNode {
  return command.written ? original(command.written) : containerCommand(command.keyword, command.command);
}

/** The command with the jar (or classpath) path replaced, written anew. */
export function rewritePath(line: CommandLine, from: string, to: string): RuntimeCommand {
  const written = (command: CommandSpec): RuntimeCommand => ({
    keyword: line.keyword,
    command,
    written: null,
  });
  if (line.form.form === 'shell')
    return written({ form: 'shell', text: replaceShellWord(line.form.script, from, to) });
  const script = shellScript(line.form.argv);
  if (script !== null)
    return written({
      form: 'exec',
      argv: [...line.form.argv.slice(0, 2), replaceShellWord(script, from, to), ...line.form.argv.slice(3)],
    });
  return written({ form: 'exec', argv: line.form.argv.map((word) => (word === from ? to : word)) });
}
