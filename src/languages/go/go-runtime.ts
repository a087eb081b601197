/**
 * The facts the core runtime chooser (src/plan/artifact-runtime-choice.ts) needs of a Go binary:
 * static unless cgo links it dynamically, then against musl on an Alpine-based builder (by its
 * tag, or because its RUN lines use apk) and glibc elsewhere; and what is said of that.
 */
import { ArtifactRuntimeChoice, chooseArtifactRuntime } from '../../plan/artifact-runtime-choice';
import type { RuntimeRequest } from '../../plan/artifact-runtimes';
import type { CgoUse } from './go-cgo';
import type { GoRuntime, GoSettings } from './go-settings';

export interface GoRuntimeRequest extends RuntimeRequest {
  cgo: CgoUse;
  /** Why the builder is Alpine-based although its tag does not say so (its RUN lines use apk), or null. */
  muslEvidence: string | null;
}

export function chooseGoRuntime(
  request: GoRuntimeRequest,
  settings: GoSettings,
): ArtifactRuntimeChoice<GoRuntime> | { ok: false; reason: string } {
  const { requested, cgo, muslEvidence } = request;
  const alpineTag = /alpine/.test(request.builder.tag ?? '');
  const libc = !cgo.dynamic ? 'static' : alpineTag || muslEvidence !== null ? 'musl' : 'glibc';
  const why = `cgo is in use (${cgo.reasons.join('; ')})`;
  const builderKnown = alpineTag || muslEvidence === null;
  const choice = chooseArtifactRuntime(
    {
      ...request,
      language: 'Go',
      libc,
      builderKnown,
      libcWarning: (image) =>
        `${why}: the binary is dynamically linked against ${libc}, so it runs on ${image}` +
        `${requested ? ` instead of the requested ${requested}` : ''}, not on a static image; CGO_ENABLED=0 would break the build`,
    },
    settings.runtimes,
    settings.runtimeChoice,
  );
  if (!choice.ok)
    return { ok: false, reason: choice.cause === 'image' ? `${why} and ${choice.reason}` : choice.reason };
  const notes =
    choice.forLibc && !builderKnown
      ? [`${muslEvidence}: the builder is Alpine-based, so the cgo binary links musl`]
      : !cgo.dynamic && cgo.staticallyLinked
        ? [`${why} but linked with -extldflags -static: the binary needs no C library`]
        : [];
  return { ...choice, notes: [...notes, ...choice.notes] };
}
