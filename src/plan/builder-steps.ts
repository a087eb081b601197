/**
 * Build steps an artifact strategy adds at the end of the builder (a build the container did at
 * every start, a publish, a layer extraction), laid out by the profile's `builderSteps` template
 * and run as the Dockerfile's own non-root user when it has one.
 */
import type { StageFacts } from '../analyze/stage-facts';
import type { BuilderInsertion } from './plan-types';
import { nonRootUser } from './runtime-users';
import type { StageNode } from './stage-model';

const STARTUP_BUILD_REASON = 'the build the container did at start-up now runs once in the builder';

export function builderSteps(
  template: string,
  facts: StageFacts,
  comment: string,
  instructions: StageNode[],
  reason = STARTUP_BUILD_REASON,
): BuilderInsertion {
  return {
    at: { kind: 'end' },
    template,
    values: { comment, user: nonRootUser(facts) },
    instructions,
    reason,
  };
}
