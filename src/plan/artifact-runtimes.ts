/**
 * The runtime entries of an artifact profile (`settings.runtimes`: name → image and what it has),
 * declared once for every such profile's settings schema, the answer to a `--runtime` that
 * names none of them, and the one rule for a command that needs a shell the runtime lacks.
 */
import { Type, type Static, type TObject } from '@sinclair/typebox';
import { oneOf, regexString, stringList } from '../profiles/settings-schema';
import type { ImageRef } from '../analyze/stage-facts';
import { globalArgValues, RuntimeImageRules } from './base-image';
import type { BrokenFinding, PlanContext } from './plan-types';
import { runtimeUserSupportProperties } from './runtime-users';

/** Schema properties of an artifact runtime entry (src/plan/artifact-runtime-choice.ts reads its image fields). */
export const artifactRuntimeProperties = {
  /** A fixed image; the image a runtime falls back to when the builder's cannot be used. */
  image: Type.Optional(Type.String({ minLength: 1 })),
  /** The image by the Debian release of the builder's runtime image (the profile's runtimeImages). */
  releaseImages: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1 }))),
  /** The builder's runtime image (runtimeImages) is used when it matches this regex. */
  fromBuilder: Type.Optional(regexString),
  /** The runtime a dynamically linked artifact gets when this one was requested and lacks its C library. */
  instead: Type.Optional(
    Type.Object(
      { glibc: Type.Optional(Type.String()), musl: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
  ),
  /** `static` runs only static binaries; `glibc`/`musl` also those linked against that C library. */
  libc: oneOf(['static', 'glibc', 'musl'] as const),
  ...runtimeUserSupportProperties,
  /** The image has a CA bundle. */
  certificates: Type.Boolean(),
  /** The image has time-zone data (unset: not said). */
  zoneinfo: Type.Optional(Type.Boolean()),
  /** Commands the image has (HEALTHCHECK, scripts, wrappers). */
  commands: stringList,
  /** Said in the decisions when the runtime is chosen. */
  note: Type.Optional(Type.String()),
  /** The runtime (with a shell, the same C library) to use instead when the command needs a shell. */
  withShell: Type.Optional(Type.String()),
};

export type ArtifactRuntimeEntry = Static<TObject<typeof artifactRuntimeProperties>>;

/** The skip reason for a requested runtime the profile does not have (null: none requested, or known). */
export function unknownRuntime(
  requested: string | undefined,
  runtimes: Readonly<Record<string, unknown>>,
  language: string,
): string | null {
  return requested !== undefined && !runtimes[requested]
    ? `unknown runtime "${requested}" for ${language} (known: ${Object.keys(runtimes).join(', ')})`
    : null;
}

/** The broken finding of a command that needs a shell `image` (an image, or "the <name> runtime") does not have. */
export function shellMissing(image: string): BrokenFinding {
  return {
    kind: 'program-missing',
    message: `the container command needs a shell (shell syntax, a script or sh -c), which ${image} does not have: it will not start as written`,
  };
}

interface ShellRuntime {
  image?: string;
  shell: boolean;
  withShell?: string;
}

/**
 * The runtime once a command's need for a shell is met: the chosen one when it has a shell or none
 * is needed; else its `withShell` sibling, unless the user asked for it by name (`asRequested`) or
 * the sibling has no shell either — then it stays, with a broken finding.
 */
export function runtimeWithShell(
  runtimes: Readonly<Record<string, ShellRuntime>>,
  name: string,
  needsShell: boolean,
  asRequested: boolean,
): { name: string; warnings: string[]; broken: BrokenFinding[] } {
  const runtime = runtimes[name];
  if (!needsShell || runtime.shell) return { name, warnings: [], broken: [] };
  const image = runtime.image ?? `the ${name} runtime`;
  const sibling = runtime.withShell;
  if (asRequested || sibling === undefined || !runtimes[sibling]?.shell)
    return { name, warnings: [], broken: [shellMissing(image)] };
  return {
    name: sibling,
    warnings: [
      `the container command needs a shell (shell syntax, a script or sh -c), which ${image} does not have: the runtime is ${sibling} instead`,
    ],
    broken: [],
  };
}

/** What every artifact runtime choice reads: the requested runtime, the command's need for a shell, the builder and the profile's image rules. */
export interface RuntimeRequest {
  requested: string | undefined;
  needsShell: boolean;
  builder: ImageRef;
  /** The Dockerfile's global ARG values (an image tag may use one). */
  globals: ReadonlyMap<string, string>;
  rules: RuntimeImageRules;
}

export function runtimeRequest(
  input: Pick<PlanContext, 'options' | 'facts' | 'dockerfile'> & { profile: RuntimeImageRules },
  needsShell: boolean,
): RuntimeRequest {
  const { options, facts, dockerfile, profile } = input;
  return {
    requested: options.runtime,
    needsShell,
    builder: facts.from,
    globals: globalArgValues(dockerfile),
    rules: profile,
  };
}
