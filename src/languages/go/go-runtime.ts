/**
 * Picks the Go runtime image: the requested (`--runtime`) or default static image for a static
 * binary; for a cgo binary, an image with the builder's C library (same Debian release, or
 * Alpine for an Alpine builder — by its tag, or because its RUN lines use apk); an image with a
 * shell when the command needs one.
 */
import { chooseRuntimeImage } from '../../plan/base-image';
import { RuntimeRequest, runtimeWithShell, unknownRuntime } from '../../plan/artifact-runtimes';
import type { BrokenFinding } from '../../plan/plan-types';
import type { CgoUse } from './go-cgo';
import type { GoRuntime, GoSettings } from './go-settings';

export type GoRuntimeChoice =
  | {
      ok: true;
      name: string;
      runtime: GoRuntime;
      image: string;
      warnings: string[];
      broken: BrokenFinding[];
      notes: string[];
    }
  | { ok: false; reason: string };

export interface GoRuntimeRequest extends RuntimeRequest {
  cgo: CgoUse;
  /** Why the builder is Alpine-based although its tag does not say so (its RUN lines use apk), or null. */
  muslEvidence: string | null;
}

export function chooseGoRuntime(request: GoRuntimeRequest, settings: GoSettings): GoRuntimeChoice {
  const { requested, cgo } = request;
  const unknown = unknownRuntime(requested, settings.runtimes, 'Go');
  if (unknown) return { ok: false, reason: unknown };
  let name = requested ?? settings.defaultRuntime;
  let image: string | null = null;
  const warnings: string[] = [];
  const broken: BrokenFinding[] = [];
  const notes: string[] = [];
  const alpineTag = /alpine/.test(request.builder.tag ?? '');
  const alpineBuilder = alpineTag || request.muslEvidence !== null;

  if (cgo.dynamic) {
    const libc = alpineBuilder ? 'musl' : 'glibc';
    if (settings.runtimes[name].libc !== libc) {
      const wanted = alpineBuilder
        ? settings.muslCgoRuntime
        : ((requested && settings.runtimes[requested].cgoRuntime) ?? settings.cgoRuntime);
      if (!settings.runtimes[wanted])
        return { ok: false, reason: `the Go profile has no runtime "${wanted}" for cgo binaries` };
      if (alpineBuilder && !alpineTag) {
        notes.push(`${request.muslEvidence}: the builder is Alpine-based, so the cgo binary links musl`);
      } else if (settings.runtimes[wanted].builderRelease) {
        const chosen = chooseRuntimeImage(request.builder, request.rules, request.globals);
        if (!chosen.ok)
          return { ok: false, reason: `cgo is in use (${cgo.reasons.join('; ')}) and ${chosen.reason}` };
        image = chosen.image;
        notes.push(...chosen.notes);
        warnings.push(...chosen.warnings);
      }
      warnings.push(
        `cgo is in use (${cgo.reasons.join('; ')}): the binary is dynamically linked against ${libc}, so it runs on ${image ?? settings.runtimes[wanted].image}` +
          `${requested ? ` instead of the requested ${requested}` : ''}, not on a static image; CGO_ENABLED=0 would break the build`,
      );
      name = wanted;
    }
  } else if (cgo.staticallyLinked) {
    notes.push(
      `cgo is in use (${cgo.reasons.join('; ')}) but linked with -extldflags -static: the binary needs no C library`,
    );
  }

  // A runtime the cgo binary forced is not the one the user asked for: it may change again.
  const shell = runtimeWithShell(settings.runtimes, name, request.needsShell, name === requested);
  if (shell.name !== name) image = null;
  name = shell.name;
  warnings.push(...shell.warnings);
  broken.push(...shell.broken);
  const runtime = settings.runtimes[name];
  if (runtime.note) notes.push(runtime.note);
  return { ok: true, name, runtime, image: image ?? runtime.image, warnings, broken, notes };
}
