/**
 * The size of a base image, from the `imageSizes` map of the language profile: glob keys on
 * `repository:tag` (`*` matches anything, `/` included) → approximate MB of the official image as
 * `docker images` shows it. The first key that matches wins, so profiles list the specific
 * variants before the catch-all.
 */
import type { Profile } from '../profiles/profile-types';

const compiled = new WeakMap<Record<string, number>, Array<{ pattern: RegExp; mb: number }>>();

/** `docker.io/library/python:3.11@sha256:…` → `python:3.11`; no tag → `:latest`. */
function normaliseImage(image: string): string {
  const ref = withoutDefaultRegistry(image.trim().replace(/@sha256:[0-9a-f]+$/i, ''));
  const lastSlash = ref.lastIndexOf('/');
  return ref.indexOf(':', lastSlash + 1) === -1 ? `${ref}:latest` : ref;
}

export function imageSizeMb(
  profile: Pick<Profile, 'imageSizes'> | undefined,
  image: string | undefined,
): number | null {
  if (!profile?.imageSizes || !image) return null;
  let rules = compiled.get(profile.imageSizes);
  if (!rules) {
    rules = Object.entries(profile.imageSizes).map(([key, mb]) => ({
      pattern: globToRegExp(withoutDefaultRegistry(key)),
      mb,
    }));
    compiled.set(profile.imageSizes, rules);
  }
  const ref = normaliseImage(image);
  return rules.find((r) => r.pattern.test(ref))?.mb ?? null;
}

function withoutDefaultRegistry(ref: string): string {
  return ref
    .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '');
}

/** Glob (`*` matches anything) to an anchored, case-insensitive regular expression. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}
