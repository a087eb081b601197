/**
 * Where the container's command comes from. A Dockerfile with no CMD, and no ENTRYPOINT or one
 * that only names a tool waiting for its arguments (`ENTRYPOINT ["npm"]`), leaves the command to
 * whoever runs the image: a compose file in the build context that builds this Dockerfile says
 * what it is; otherwise msb cannot tell a development server from production.
 */
import { posix as path } from 'path';
import { CommandOverride, containerCommand } from '../../analyze/container-command';
import { shellQuote } from '../../analyze/shell-commands';
import type { StageFacts } from '../../analyze/stage-facts';
import { composeCommand } from '../../context/compose-file';
import type { DetectInput } from '../../detect/detect-types';

export type CommandSource =
  | { kind: 'dockerfile' }
  | { kind: 'compose'; file: string; service: string; text: string; override: CommandOverride }
  | { kind: 'elsewhere' };

export function commandSource(input: DetectInput, argumentRunners: readonly string[]): CommandSource {
  const { facts, context } = input;
  if (!commandIsIncomplete(facts, argumentRunners)) return { kind: 'dockerfile' };
  const compose = composeCommand(context, input.dockerfile.file);
  if (!compose) return { kind: 'elsewhere' };
  const override = { entrypoint: compose.entrypoint, command: compose.command };
  return {
    kind: 'compose',
    file: compose.file,
    service: compose.service,
    text: containerCommand(facts, override).argv.map(shellQuote).join(' '),
    override,
  };
}

/** No CMD, and the ENTRYPOINT runs nothing yet (`tini --`, `npm`, `yarn run`). */
function commandIsIncomplete(facts: StageFacts, argumentRunners: readonly string[]): boolean {
  if (facts.cmd) return false;
  if (!facts.entrypoint) return true;
  const commands = containerCommand(facts).commands;
  if (commands.length === 0) return true;
  if (commands.length > 1) return false;
  const [program, ...args] = commands[0].words;
  return argumentRunners.includes(path.basename(program)) && args.every((a) => a === 'run' || a === 'exec');
}
