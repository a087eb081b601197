/**
 * The USER of an artifact runtime stage: the original's, made to exist in the image
 * (src/plan/runtime-users.ts), and the one rule for a program that ran as root on an image whose
 * default user is its non-root one (distroless `:nonroot`). Such a program fails as uid 65532 when
 * it writes files or binds a port below 1024 — the WORKDIR and mounted host directories are
 * root-owned — so it keeps running as root (`USER root`) unless msb read the code (the profile's
 * `rootEvidence`, src/plan/root-evidence.ts) and found neither.
 */
import type { StageFacts } from '../analyze/stage-facts';
import type { BuildContext } from '../context/build-context';
import type { Decision } from './plan-types';
import { rootEvidence, RootEvidenceRules } from './root-evidence';
import { runtimeUser, RuntimeUserPlan, RuntimeUserSupport } from './runtime-users';
import { user as userNode } from './stage-model';

/** The runtime user plan, with `USER root` when the program keeps running as root. */
export function artifactUser(
  facts: StageFacts,
  context: BuildContext,
  support: RuntimeUserSupport,
  evidence: RootEvidenceRules | null,
): RuntimeUserPlan {
  const plan = runtimeUser(facts, support);
  const root = keepsRoot(facts, context, support, evidence);
  if (!root) return plan;
  return {
    ...plan,
    user: root.keepRoot ? userNode('root') : plan.user,
    warnings: [...plan.warnings, ...root.warnings],
    decisions: [...plan.decisions, root.decision],
  };
}

function keepsRoot(
  facts: StageFacts,
  context: BuildContext,
  { image, nonrootUser: nonroot, users }: RuntimeUserSupport,
  evidence: RootEvidenceRules | null,
): { keepRoot: boolean; warnings: string[]; decision: Decision } | null {
  if (facts.user || !nonroot || !image.endsWith(`:${nonroot}`) || !users.includes('root')) return null;
  if (!evidence) {
    // msb cannot read the code: the program runs as it did.
    const why = `the original ran as root and ${image} runs as ${nonroot}: USER root keeps it as it was (set USER ${nonroot} if the program writes no root-owned files)`;
    return { keepRoot: true, warnings: [], decision: { subject: 'USER', placement: 'added', why } };
  }
  const found = rootEvidence(context, facts, evidence);
  if (found.length === 0) {
    const why = `the original ran as root; ${image} runs as ${nonroot}: msb found no file writes and no port below 1024 in the code`;
    return { keepRoot: false, warnings: [], decision: { subject: 'USER', placement: 'runtime', why } };
  }
  const why = `the original ran as root and the code needs it (${list(found)}): the runtime stage keeps USER root, as ${image}'s ${nonroot} user could not write those files or bind that port`;
  return { keepRoot: true, warnings: [why], decision: { subject: 'USER', placement: 'runtime', why } };
}

function list(evidence: string[]): string {
  const shown = evidence.slice(0, 3).join(', ');
  return evidence.length > 3 ? `${shown} and ${evidence.length - 3} more` : shown;
}
