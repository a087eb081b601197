/**
 * The original USER must exist in the runtime image. Images with a shell replay the users the
 * Dockerfile created (translated to the image's own tool: `useradd` or busybox `adduser -D`);
 * images without one keep numeric and built-in users, copy /etc/passwd from the builder when
 * they have no users at all (scratch), or map the user to their non-root user (distroless).
 */
import { Type } from '@sinclair/typebox';
import { expandVariables } from '../analyze/instruction-args';
import { USER_PROGRAMS } from '../analyze/programs';
import { programName } from '../analyze/shell-commands';
import type { StageFacts } from '../analyze/stage-facts';
import { oneOf, stringList } from '../profiles/settings-schema';
import type { Decision } from './plan-types';
import { nonRoot } from './run-user';
import { userSetupRuns } from './runtime-stage';
import { BUILDER, copy, original, shellRun, StageNode, user } from './stage-model';
import {
  isUserCommand,
  parseUserCommand,
  renderUserOperations,
  UserOperation,
  UserTool,
} from './user-commands';

export interface RuntimeUserSupport {
  image: string;
  /** How the image creates users; `none` without a shell. */
  userTool: 'none' | UserTool;
  /** Named users the image has. */
  users: readonly string[];
  /** The user a Dockerfile-created one becomes when the image cannot create users. */
  nonrootUser?: string;
}

/** Schema properties of a RuntimeUserSupport (and the image's shell), for the profiles' `settings` schemas. */
export const runtimeUserSupportProperties = {
  shell: Type.Boolean(),
  /** How the image creates users: it cannot (`none`), `useradd` (`shadow`) or `adduser -D` (`busybox`). */
  userTool: oneOf(['none', 'shadow', 'busybox'] as const),
  /** Named users the image already has. */
  users: stringList,
  /** The user a Dockerfile-created user becomes when the image cannot create users. */
  nonrootUser: Type.Optional(Type.String()),
};

export interface RuntimeUserPlan {
  /** RUNs that create users (and their directories). */
  setup: StageNode[];
  /** COPYs (e.g. /etc/passwd for scratch). */
  copies: StageNode[];
  /** The USER instruction, or null to keep the image's. */
  user: StageNode | null;
  /** Maps a `--chown` owner to one that exists in the runtime (none when the container runs as root). */
  owner(chown: string | null): string | null;
  warnings: string[];
  decisions: Decision[];
}

/** A command the image's own tool runs as written: shadow-utils, or busybox's short-option adduser/addgroup. */
const NATIVE: Record<UserTool, (program: string, words: readonly string[]) => boolean> = {
  shadow: (program) => USER_PROGRAMS[program] === 'shadow',
  busybox: (program, words) => USER_PROGRAMS[program] === 'adduser' && !words.some((w) => w.startsWith('--')),
};

export function runtimeUser(facts: StageFacts, support: RuntimeUserSupport): RuntimeUserPlan {
  const plan: RuntimeUserPlan = {
    setup: [],
    copies: [],
    user: facts.userInstruction ? original(facts.userInstruction) : null,
    owner: (c) => c,
    warnings: [],
    decisions: [],
  };
  // Running as root, ownership does not matter, and the owner may not exist in the runtime image.
  if (!facts.user) return { ...plan, owner: () => null };
  const [name, group] = expandVariables(facts.user, facts.values).split(':');
  const subject = `USER (line ${(facts.userInstruction?.line ?? 0) + 1})`;
  const known = (n: string | undefined) => n === undefined || /^\d+$/.test(n) || support.users.includes(n);
  const operations = createdUsers(facts);
  if (known(name) && known(group)) return plan;

  if (support.userTool === 'none') {
    if (support.users.length === 0) {
      plan.copies.push(
        copy(BUILDER, '/etc/passwd', '/etc/passwd'),
        copy(BUILDER, '/etc/group', '/etc/group'),
      );
      plan.decisions.push({
        subject,
        placement: 'runtime',
        why: `${support.image} has no users: /etc/passwd and /etc/group come from the builder, where "${name}" exists`,
      });
      return plan;
    }
    const mapped = support.nonrootUser ?? 'nobody';
    const mappedUser = group !== undefined ? `${mapped}:${mapped}` : mapped;
    const keyword = /^\s*(\S+)/.exec(facts.userInstruction?.text ?? 'USER')?.[1] ?? 'USER';
    plan.user = user(mappedUser, keyword);
    plan.owner = (chown) =>
      chown
        ? chown
            .split(':')
            .map((part) => (known(part) ? part : mapped))
            .join(':')
        : chown;
    plan.warnings.push(
      `${support.image} has no shell to create the user "${name}" (it has ${support.users.join(', ')} only): the container runs as ${mapped} instead`,
    );
    plan.decisions.push({
      subject,
      placement: 'runtime',
      why: `runs as ${mappedUser} instead of ${facts.user}: ${support.image} cannot create users`,
    });
    return plan;
  }

  const tool = support.userTool;
  const replay = userSetupRuns(facts);
  const nativeOnly = facts.runs.every((run) =>
    run.commands.filter(isUserCommand).every((c) => NATIVE[tool](programName(c), c.words)),
  );
  if (nativeOnly && replay.runs.length > 0) {
    plan.setup.push(...replay.runs);
    plan.decisions.push(...replay.decisions);
  } else if (operations.length > 0) {
    plan.setup.push(shellRun(renderUserOperations(operations, tool).join(' && ')));
    plan.decisions.push({
      subject,
      placement: 'runtime',
      why: `the users and groups the builder created are created again with ${tool === 'shadow' ? 'useradd' : "busybox's adduser"}`,
    });
  }
  const created = (n: string | undefined) =>
    n === undefined || operations.some((o) => o.kind !== 'member' && o.name === n);
  if (!created(name) || !created(group)) {
    const missing: UserOperation[] = [];
    if (group !== undefined && !known(group) && !created(group))
      missing.push({ kind: 'group', name: group, gid: null, system: true });
    if (!known(name) && !created(name))
      missing.push({
        kind: 'user',
        name,
        uid: null,
        group: group ?? null,
        system: true,
        home: null,
        createHome: true,
        shell: null,
      });
    if (missing.length > 0) {
      plan.setup.push(shellRun(renderUserOperations(missing, tool).join(' && ')));
      plan.warnings.push(
        `the user "${facts.user}" comes from the builder image, not from this Dockerfile: the runtime creates it, with a uid that may differ`,
      );
    }
  }
  return plan;
}

/** The builder's USER when it is not root (build steps msb adds run as root, then switch back). */
export function nonRootUser(facts: StageFacts): string | null {
  return nonRoot(facts.user);
}

function createdUsers(facts: StageFacts): UserOperation[] {
  return facts.runs
    .flatMap((run) => run.commands.filter(isUserCommand).map(parseUserCommand))
    .filter((o): o is UserOperation => o !== null);
}
