/**
 * The one runtime chooser of the artifact archetype. A language states facts about its artifact
 * (the C library it links, whether its command needs a shell, the runtime the user named); the
 * profile lists its runtimes (libc, shell, image source) and which runtime each C library gets.
 * The choice: the requested runtime, or the profile's for the artifact's C library → a requested
 * one that cannot run it refused or replaced → its image (fixed, the builder's release, or the
 * distribution the builder's image rules give) → its shell sibling when the command needs one.
 */
import { Type, type Static } from '@sinclair/typebox';
import { oneOf } from '../profiles/settings-schema';
import { ArtifactRuntimeEntry, RuntimeRequest, runtimeWithShell, unknownRuntime } from './artifact-runtimes';
import { chooseRuntimeImage } from './base-image';
import { debianReleases } from './debian-release';
import type { ArtifactRuntime } from './artifact-planner';
import type { BrokenFinding } from './plan-types';
import { compiledRegExp } from '../util/compiled-regexp';

export type Libc = 'static' | 'glibc' | 'musl';

/** A profile's rules for choosing among its runtimes (`settings.runtimeChoice`). */
export const runtimeChoiceSchema = Type.Object(
  {
    /** The runtime an artifact linking each C library gets when none is requested. */
    runtimeFor: Type.Object(
      { static: Type.String(), glibc: Type.String(), musl: Type.String() },
      { additionalProperties: false },
    ),
    /**
     * A requested runtime without the artifact's C library: `refuse` skips the conversion;
     * `replace` uses the requested runtime's `instead` (else `runtimeFor`), with the language's warning.
     */
    otherLibc: oneOf(['refuse', 'replace'] as const),
    /**
     * When a runtime with `fromBuilder`/`releaseImages` takes its image from the builder's:
     * `always` (an image msb cannot map keeps the fixed `image`), or only `for-libc` — the runtime,
     * chosen or requested, that has a dynamically linked artifact's C library, not a shell sibling
     * (an image msb cannot map skips the conversion).
     */
    builderImage: oneOf(['always', 'for-libc'] as const),
  },
  { additionalProperties: false },
);

export type RuntimeChoiceRules = Static<typeof runtimeChoiceSchema>;

/** The facts of the artifact, besides the request. */
export interface ArtifactRuntimeRequest extends RuntimeRequest {
  /** The profile's name, for the unknown-runtime reason. */
  language: string;
  libc: Libc;
  /** Why the artifact links that libc: said when a requested runtime is refused. */
  libcWhy?: string;
  /** False: the Dockerfile shows the builder is another distribution than its image rules say (fixed images only). */
  builderKnown?: boolean;
  /** The warning when the runtime was chosen for the artifact's C library (the image it got). */
  libcWarning?(image: string): string;
}

export type ArtifactRuntimeChoice<R extends ArtifactRuntimeEntry> =
  | {
      ok: true;
      name: string;
      runtime: R;
      image: string;
      /** The Debian image whose package names the runtime follows (distroless: its release's slim image). */
      packageImage: string;
      /** The runtime was chosen for the artifact's C library, not as requested or by default. */
      forLibc: boolean;
      notes: string[];
      warnings: string[];
      broken: BrokenFinding[];
    }
  | {
      ok: false;
      reason: string;
      /** `image`: the builder's image could not be mapped (the language may say why it was asked). */
      cause: 'unknown' | 'libc' | 'image';
    };

export function chooseArtifactRuntime<R extends ArtifactRuntimeEntry>(
  request: ArtifactRuntimeRequest,
  runtimes: Readonly<Record<string, R>>,
  rules: RuntimeChoiceRules,
): ArtifactRuntimeChoice<R> {
  const { requested, libc } = request;
  const unknown = unknownRuntime(requested, runtimes, request.language);
  if (unknown) return { ok: false, reason: unknown, cause: 'unknown' };
  let name = requested ?? rules.runtimeFor[libc];
  if (runtimes[name] && !runs(runtimes[name], libc)) {
    if (rules.otherLibc === 'refuse')
      return {
        ok: false,
        reason: `the runtime "${name}" cannot run the binary: ${request.libcWhy ?? `it links ${libc}`}`,
        cause: 'libc',
      };
    name = (libc !== 'static' && runtimes[name].instead?.[libc]) || rules.runtimeFor[libc];
  }
  if (!runtimes[name])
    return {
      ok: false,
      reason: `the ${request.language} profile has no runtime "${name}"`,
      cause: 'unknown',
    };
  const forLibc = libc !== 'static' && name !== requested;
  // A dynamically linked artifact needs the builder's C library release, requested runtime or not.
  const sameLibc = libc !== 'static' && runtimes[name].libc === libc;
  const derive = (chosen: string) =>
    request.builderKnown !== false && (rules.builderImage === 'always' || (sameLibc && chosen === name));

  const first = runtimeImage(runtimes[name], name, request, derive(name), rules);
  if (!first.ok) return first;
  const warnings = [...first.warnings];
  if (forLibc && request.libcWarning) warnings.push(request.libcWarning(first.image));
  const shell = runtimeWithShell(runtimes, name, request.needsShell, name === requested);
  warnings.push(...shell.warnings);
  let image = first;
  if (shell.name !== name) {
    const sibling = runtimeImage(runtimes[shell.name], shell.name, request, derive(shell.name), rules);
    if (!sibling.ok) return sibling;
    warnings.push(...sibling.warnings);
    image = { ...sibling, notes: [...first.notes, ...sibling.notes] };
  }
  const runtime = runtimes[shell.name];
  return {
    ok: true,
    name: shell.name,
    runtime,
    image: image.image,
    packageImage: image.packageImage,
    forLibc,
    notes: [...image.notes, ...(runtime.note ? [runtime.note] : [])],
    warnings,
    broken: shell.broken,
  };
}

/** The artifact planner's runtime (src/plan/artifact-planner.ts) from a choice: what its image has, and the kind of artifact. */
export function plannedRuntime<R extends ArtifactRuntimeEntry>(
  choice: Extract<ArtifactRuntimeChoice<R>, { ok: true }>,
  kind: string,
): typeof choice & ArtifactRuntime {
  return { ...choice, support: { ...choice.runtime, image: choice.image }, kind };
}

/** A static artifact runs anywhere; a dynamically linked one needs its C library. */
function runs(runtime: ArtifactRuntimeEntry, libc: Libc): boolean {
  return libc === 'static' || runtime.libc === libc;
}

type ImageChoice =
  | { ok: true; image: string; packageImage: string; notes: string[]; warnings: string[] }
  | { ok: false; reason: string; cause: 'image' };

/**
 * The runtime's image: by the Debian release of the builder's runtime image (`releaseImages`; a
 * static artifact takes the newest when the builder has none), the builder's runtime image when
 * it matches `fromBuilder`, else the fixed `image`.
 */
function runtimeImage(
  runtime: ArtifactRuntimeEntry,
  name: string,
  request: ArtifactRuntimeRequest,
  derive: boolean,
  rules: RuntimeChoiceRules,
): ImageChoice {
  const fixed = (image: string): ImageChoice => ({
    ok: true,
    image,
    packageImage: image,
    notes: [],
    warnings: [],
  });
  const fromBuilder = runtime.fromBuilder;
  if (!derive || (fromBuilder === undefined && !runtime.releaseImages)) {
    if (runtime.image) return fixed(runtime.image);
    return { ok: false, reason: `the ${name} runtime has no image of its own`, cause: 'image' };
  }
  const chosen = chooseRuntimeImage(request.builder, request.rules, request.globals);
  if (runtime.releaseImages) {
    const release = chosen.ok ? debianReleases(chosen.image, [])[0] : undefined;
    const releases = Object.keys(runtime.releaseImages);
    const image = release
      ? runtime.releaseImages[release]
      : request.libc === 'static'
        ? runtime.releaseImages[releases[releases.length - 1]]
        : undefined;
    if (!image)
      return {
        ok: false,
        reason: chosen.ok
          ? `the ${name} runtime has no image for the builder's release (${chosen.image}); the binary needs the builder's glibc`
          : chosen.reason,
        cause: 'image',
      };
    return chosen.ok
      ? { ok: true, image, packageImage: chosen.image, notes: chosen.notes, warnings: chosen.warnings }
      : fixed(image);
  }
  if (chosen.ok && compiledRegExp(fromBuilder ?? '').test(chosen.image))
    return { ...chosen, packageImage: chosen.image };
  if (!chosen.ok && rules.builderImage === 'for-libc') return { ...chosen, cause: 'image' };
  if (runtime.image) return fixed(runtime.image);
  return chosen.ok
    ? {
        ok: false,
        reason: `the builder image ${request.builder.text} is not Debian-based: msb knows no glibc runtime for it`,
        cause: 'image',
      }
    : { ...chosen, cause: 'image' };
}
