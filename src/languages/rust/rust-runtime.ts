/**
 * Picks the Rust runtime image by what the binary links: a glibc binary (built on a Debian
 * image) runs on the slim image of the builder's release (or distroless/cc of that release); a
 * static musl binary on scratch; a dynamically linked musl one on Alpine. A runtime that cannot
 * run the binary is refused, and one without the shell the command needs is swapped (or, when
 * requested, reported as broken).
 */
import { chooseRuntimeImage } from '../../plan/base-image';
import { debianReleases } from '../../plan/debian-release';
import { RuntimeRequest, runtimeWithShell, unknownRuntime } from '../../plan/artifact-runtimes';
import type { BrokenFinding } from '../../plan/plan-types';
import type { RustRuntime, RustSettings } from './rust-settings';

/** How the binary is linked: against glibc, statically (musl), or against musl's shared library. */
export type Linkage = 'glibc' | 'static' | 'musl';

export interface RustRuntimeRequest extends RuntimeRequest {
  linkage: Linkage;
  /** Why the binary links that way, for messages. */
  linkageWhy: string;
}

export type RustRuntimeChoice =
  | {
      ok: true;
      name: string;
      runtime: RustRuntime;
      image: string;
      /** The Debian image whose package names the runtime's libraries follow (distroless: its release). */
      packageImage: string;
      warnings: string[];
      broken: BrokenFinding[];
      notes: string[];
    }
  | { ok: false; reason: string };

export function chooseRustRuntime(request: RustRuntimeRequest, settings: RustSettings): RustRuntimeChoice {
  const { requested, linkage } = request;
  const unknown = unknownRuntime(requested, settings.runtimes, 'Rust');
  if (unknown) return { ok: false, reason: unknown };
  const byLinkage = {
    glibc: settings.defaultRuntime,
    static: settings.staticRuntime,
    musl: settings.muslRuntime,
  };
  let name = requested ?? byLinkage[linkage];
  if (!runs(settings.runtimes[name], linkage))
    return {
      ok: false,
      reason: `the runtime "${name}" cannot run the binary: ${request.linkageWhy}${linkage === 'glibc' ? '; scratch needs a static binary (cargo build --target x86_64-unknown-linux-musl)' : ''}`,
    };
  const shell = runtimeWithShell(settings.runtimes, name, request.needsShell, requested !== undefined);
  name = shell.name;
  const runtime = settings.runtimes[name];
  const image = runtimeImage(runtime, name, request);
  if (!image.ok) return image;
  return {
    ok: true,
    name,
    runtime,
    image: image.image,
    packageImage: image.packageImage ?? image.image,
    warnings: [...shell.warnings, ...image.warnings],
    broken: shell.broken,
    notes: [...image.notes, ...(runtime.note ? [runtime.note] : [])],
  };
}

function runs(runtime: RustRuntime, linkage: Linkage): boolean {
  return linkage === 'static' || runtime.libc === linkage;
}

function runtimeImage(
  runtime: RustRuntime,
  name: string,
  request: RustRuntimeRequest,
):
  | { ok: true; image: string; packageImage?: string; notes: string[]; warnings: string[] }
  | { ok: false; reason: string } {
  if (runtime.image && !runtime.releaseImages && runtime.libc === 'static')
    return { ok: true, image: runtime.image, notes: [], warnings: [] };
  const chosen = chooseRuntimeImage(request.builder, request.rules, request.globals);
  const family = runtime.libc === 'musl' ? /^alpine:/ : /^debian:/;
  if (runtime.releaseImages) {
    const release = chosen.ok ? debianReleases(chosen.image, [])[0] : undefined;
    const releases = Object.keys(runtime.releaseImages);
    const image = release
      ? runtime.releaseImages[release]
      : request.linkage === 'static'
        ? runtime.releaseImages[releases[releases.length - 1]]
        : undefined;
    if (!image)
      return {
        ok: false,
        reason: chosen.ok
          ? `the ${name} runtime has no image for the builder's release (${chosen.image}); the binary needs the builder's glibc`
          : chosen.reason,
      };
    return chosen.ok
      ? { ok: true, image, packageImage: chosen.image, notes: chosen.notes, warnings: chosen.warnings }
      : { ok: true, image, notes: [], warnings: [] };
  }
  if (chosen.ok && family.test(chosen.image)) return chosen;
  if (runtime.image) return { ok: true, image: runtime.image, notes: [], warnings: [] };
  return chosen.ok
    ? {
        ok: false,
        reason: `the builder image ${request.builder.text} is not Debian-based: msb knows no glibc runtime for it`,
      }
    : chosen;
}
