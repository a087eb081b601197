/**
 * Who runs the tools a Dockerfile installs with apt/apk (curl, wget, git, unzip...): the build
 * steps, the container command, its HEALTHCHECK, or a script the container starts. A tool that
 * only build steps run stays in the builder (system-packages.ts decides, with this as input).
 */
import { posix as path } from 'path';
import { containerCommand } from '../analyze/container-command';
import { isShellScript } from '../analyze/programs';
import { programName, splitShellCommands } from '../analyze/shell-commands';
import type { StageFacts } from '../analyze/stage-facts';
import type { BuildContext } from '../context/build-context';
import type { ToolUse } from './system-packages';

export interface ToolUseFacts extends ToolUse {
  /** Programs the scripts the container starts run (read from the build context). */
  scriptPrograms: string[];
}

export function toolUse(facts: StageFacts, context: BuildContext): ToolUseFacts {
  const buildPrograms = new Map<string, number>();
  for (const run of facts.runs)
    for (const command of run.commands) {
      const program = programName(command);
      if (program && !buildPrograms.has(program)) buildPrograms.set(program, run.instruction.line + 1);
    }
  const scriptPrograms: string[] = [];
  let runtimeUnknown = false;
  for (const word of containerCommand(facts).argv.flatMap((w) => w.split(/\s+/))) {
    if (!isShellScript(word)) continue;
    const text = scriptText(context, path.basename(word));
    if (text === null) runtimeUnknown = true;
    else
      for (const command of splitShellCommands(text))
        // `exec "$@"` and `if curl ...; then` start programs too: every word of the script counts.
        command.words.forEach((w) => scriptPrograms.push(path.basename(w)));
  }
  return { buildPrograms, runtimeUnknown, scriptPrograms };
}

/** The text of the context's files with that name (all of them: msb cannot tell which one is copied). */
function scriptText(context: BuildContext, name: string): string | null {
  const texts = context
    .glob(`**/${name}`)
    .map((file) => context.read(file))
    .filter((t): t is string => t !== null);
  return texts.length > 0 ? texts.join('\n') : null;
}
