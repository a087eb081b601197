/**
 * What the container runs when it starts: its ENTRYPOINT/CMD or, when the Dockerfile leaves the
 * command to whoever runs the image, the command of the compose service that builds it (what
 * runs then). Interpreted languages read it for installs at start, which msb cannot move into
 * the builder, and for what the runtime must be able to run.
 */
import { posix as path } from 'path';
import { containerCommand, type ContainerCommand } from '../analyze/container-command';
import { composeCommand, type ComposeCommand } from '../context/compose-file';
import type { DetectInput } from '../detect/detect-types';

export interface StartCommand {
  command: ContainerCommand;
  compose: ComposeCommand | null;
  /** Where the command comes from, for reasons: `the container` or `service "web" in compose.yaml`. */
  source: string;
  /** Neither the Dockerfile nor a compose service says what runs (the platform supplies it). */
  elsewhere: boolean;
}

/**
 * The Dockerfile leaves the command to others when it has no CMD and no ENTRYPOINT; with
 * `argumentRunners` (programs that, as a bare ENTRYPOINT, wait for their arguments:
 * `ENTRYPOINT ["npm"]`), also when its ENTRYPOINT runs nothing yet (`tini --`, `yarn run`).
 */
export function startCommand(input: DetectInput, argumentRunners?: readonly string[]): StartCommand {
  const { facts } = input;
  const own = containerCommand(facts);
  const incomplete =
    !facts.cmd &&
    (!facts.entrypoint || (argumentRunners !== undefined && waitsForArguments(own, argumentRunners)));
  const compose = incomplete ? composeCommand(input.context, input.dockerfile.file) : null;
  return {
    command: compose ? containerCommand(facts, compose) : own,
    compose,
    source: compose ? `service "${compose.service}" in ${compose.file}` : 'the container',
    elsewhere: incomplete && !compose,
  };
}

/** An ENTRYPOINT alone that runs nothing yet (`tini --`) or a runner waiting for its arguments (`npm`, `yarn run`). */
function waitsForArguments({ commands }: ContainerCommand, argumentRunners: readonly string[]): boolean {
  if (commands.length !== 1) return commands.length === 0;
  const [program, ...args] = commands[0].words;
  return argumentRunners.includes(path.basename(program)) && args.every((a) => a === 'run' || a === 'exec');
}
