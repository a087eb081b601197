/**
 * The Debian release of an image, for apt package names that carry a soname (libssl1.1 on
 * bullseye, libssl3 on bookworm, libssl3t64 on trixie): the codename in the tag
 * (`3.11-slim-bullseye`, `20-bookworm-slim`), else the profile's rules for tags that name none
 * (`python:3.6` was last built on bullseye; `python:3.8.10` on buster, bullseye or bookworm).
 * Unknown is an empty list, never a guess.
 */
import { DEBIAN_RELEASES } from '../profiles/profile-schema';
import type { DebianRelease, ImageRelease, PackageRules } from '../profiles/profile-types';
import { compiledRegExp } from '../util/compiled-regexp';

const CODENAME = new RegExp(`(?:^|-)(${DEBIAN_RELEASES.join('|')})(?:-|$)`);

/** The releases the image may be built on: one when known, none when unknown. */
export function debianReleases(image: string, rules: readonly ImageRelease[]): DebianRelease[] {
  const withoutDigest = image.split('@')[0];
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  const tag = hasTag ? withoutDigest.slice(colon + 1) : 'latest';
  // Not Debian (alpine, windows), or chosen by a build argument.
  if (tag.includes('$') || /alpine|windows|nanoserver/.test(tag)) return [];
  const named = CODENAME.exec(tag);
  if (named) return [named[1] as DebianRelease];
  const repository = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const [first, ...rest] = repository.split('/');
  const name = rest.length > 0 && /[.:]|^localhost$/.test(first) ? rest.join('/') : repository;
  return (
    rules.find((rule) => compiledRegExp(rule.image).test(name) && compiledRegExp(rule.tag).test(tag))
      ?.releases ?? []
  );
}

export type ReleaseName = { ok: true; name: string; renamed: string | null } | { ok: false; reason: string };

/**
 * The name of a bookworm-named apt package on the image's release. A soname-bearing one needs
 * the release known, or every possible release to agree on the name.
 */
export function packageOnRelease(
  name: string,
  releases: readonly DebianRelease[],
  image: string,
  rules: Pick<PackageRules, 'releaseNames'>,
): ReleaseName {
  const names = rules.releaseNames?.[name];
  if (!names) return { ok: true, name, renamed: null };
  const candidates = new Set(releases.map((release) => names[release] ?? name));
  const [only] = candidates;
  if (candidates.size === 1)
    return { ok: true, name: only, renamed: only === name ? null : `Debian ${releases.join('/')}` };
  const cannot =
    releases.length === 0
      ? `msb cannot tell which release "${image}" is built on`
      : `"${image}" may be built on Debian ${releases.join(', ')}, where it is named ${releases.map((r) => names[r] ?? name).join(', ')}`;
  return {
    ok: false,
    reason: `the runtime needs ${name}, a library named differently on each Debian release, and ${cannot}; name the release in the tag (e.g. -bookworm or -bullseye)`,
  };
}
