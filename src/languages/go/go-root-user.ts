/**
 * Root or nonroot for a program that ran as root: distroless `:nonroot` is the default, but a
 * program whose code writes files or listens below port 1024 (src/plan/root-evidence.ts) fails
 * as uid 65532 — the WORKDIR and mounted host directories are root-owned — so it keeps running
 * as root (`USER root`: the image has the user), with a warning that says why.
 */
import type { Decision, PlanInput } from '../../plan/plan-types';
import { rootEvidence } from '../../plan/root-evidence';
import type { GoRuntime, GoSettings } from './go-settings';

export interface RootUserChoice {
  /** Add `USER root` to the runtime stage. */
  keepRoot: boolean;
  warnings: string[];
  decisions: Decision[];
}

export function rootUserChoice(
  input: PlanInput<GoSettings>,
  image: string,
  runtime: GoRuntime,
): RootUserChoice {
  const { facts, context, settings } = input;
  const nonroot = runtime.nonrootUser;
  if (facts.user || !nonroot || !image.endsWith(`:${nonroot}`) || !runtime.users.includes('root'))
    return { keepRoot: false, warnings: [], decisions: [] };
  const evidence = rootEvidence(context, facts, {
    ...settings.rootEvidence,
    isSource: (f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.startsWith('vendor/'),
  });
  if (evidence.length === 0) {
    const why = `the original ran as root; ${image} runs as ${nonroot}: msb found no file writes and no port below 1024 in the code`;
    return { keepRoot: false, warnings: [], decisions: [{ subject: 'USER', placement: 'runtime', why }] };
  }
  const why = `the original ran as root and the code needs it (${list(evidence)}): the runtime stage keeps USER root, as ${image}'s ${nonroot} user could not write those files or bind that port`;
  return { keepRoot: true, warnings: [why], decisions: [{ subject: 'USER', placement: 'runtime', why }] };
}

function list(evidence: string[]): string {
  const shown = evidence.slice(0, 3).join(', ');
  return evidence.length > 3 ? `${shown} and ${evidence.length - 3} more` : shown;
}
