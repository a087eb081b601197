/**
 * The Java container command: where `java` is called (exec form, shell form, `sh -c`), which
 * jar or classpath it runs, and the same command with a new jar path. A build tool as the
 * command (`mvn spring-boot:run`, `gradle bootRun`) is recognised so the plan can build once.
 */
import { CommandLine, commandLines, formCommands, shellScript } from '../../analyze/container-command';
import type { CommandForm } from '../../analyze/instruction-args';
import type { StageFacts } from '../../analyze/stage-facts';
import { execFormText, replaceShellWord } from '../../plan/container-command';
import { BuildCommand, JavaInvocation, parseBuildCommand, parseJavaInvocation } from './java-commands';

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

export function readContainerCommand(facts: StageFacts): ContainerCommand {
  const lines = commandLines(facts);
  const result: ContainerCommand = { lines, java: null, buildRun: null };
  // Exec-form ENTRYPOINT + CMD run as one argv (`ENTRYPOINT ["mvn"]` + `CMD ["jetty:run"]`).
  const [first, second] = lines;
  const joined = first?.instruction.keyword === 'ENTRYPOINT' && second && first.form.form === 'exec' && second.form.form === 'exec' ? [...first.form.argv, ...second.form.argv] : null;
  for (const line of lines) {
    const inShell = line.form.form === 'shell' || shellScript(line.form.argv) !== null;
    const form: CommandForm = line === first && joined ? { form: 'exec', argv: joined } : line.form;
    for (const { words } of formCommands(form).commands) {
      const build = parseBuildCommand({ words, text: words.join(' ') });
      if (build && build.run && !result.buildRun) result.buildRun = { line, command: build };
      const invocation = parseJavaInvocation(words);
      if (invocation && !result.java) result.java = { line, invocation, inShell };
    }
  }
  return result;
}

/** The instruction text with the jar (or classpath) path replaced (unchanged when it does not name it). */
export function rewritePath(line: CommandLine, from: string, to: string): string {
  if (line.form.form === 'shell') return `${line.keyword} ${replaceShellWord(line.form.script, from, to)}`;
  const script = shellScript(line.form.argv);
  if (script !== null) return execFormText(line.keyword, [...line.form.argv.slice(0, 2), replaceShellWord(script, from, to), ...line.form.argv.slice(3)]);
  return execFormText(
    line.keyword,
    line.form.argv.map((word) => (word === from ? to : word)),
  );
}
