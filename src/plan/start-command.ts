/**
 * What the container runs when it starts: its ENTRYPOINT/CMD or, when the Dockerfile sets
 * neither, the command of the compose service that builds it (what runs then). Interpreted
 * languages read it for installs at start, which msb cannot move into the builder.
 */
import { containerCommand, type ContainerCommand } from '../analyze/container-command';
import { composeCommand, type ComposeCommand } from '../context/compose-file';
import type { PlanContext } from './plan-types';

export interface StartCommand {
  command: ContainerCommand;
  compose: ComposeCommand | null;
  /** Where the command comes from, for reasons: `the container` or `service "web" in compose.yaml`. */
  source: string;
}

export function startCommand(input: PlanContext): StartCommand {
  const { facts } = input;
  const compose = facts.cmd || facts.entrypoint ? null : composeCommand(input.context, input.dockerfile.file);
  return {
    command: containerCommand(facts, compose ?? undefined),
    compose,
    source: compose ? `service "${compose.service}" in ${compose.file}` : 'the container',
  };
}
