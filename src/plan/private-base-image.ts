/**
 * A base image that no profile knows, with no registry or namespace (`javawebapp:base`), while
 * the build context holds another Dockerfile: most likely a private image built from that file
 * (`docker build -f Dockerfile-Base -t javawebapp:base .`). What it holds — which JDK, which
 * servlet container, what configuration — is unknown, so a guessed runtime would not behave like
 * the original: the strategy skips with this reason.
 */
import type { DetectInput } from '../detect/detect-types';
import type { Profile } from '../profiles/profile-types';
import { compiledRegExp } from '../util/compiled-regexp';

/** Docker Hub's official OS images: public and well known, never a private image built next door. */
const OFFICIAL_OS_IMAGES = new Set([
  'ubuntu',
  'debian',
  'alpine',
  'busybox',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'oraclelinux',
  'archlinux',
  'photon',
  'clearlinux',
]);

const DOCKERFILE_NAME = /(^|\/)(Dockerfile|Containerfile)([._-][^/]*)?$|\.[Dd]ockerfile$/;

/** Known images: those the profile's detection or runtime-image rules name. */
export function privateBaseImageReason(
  input: DetectInput,
  profile: Pick<Profile, 'runtimeImages' | 'detect'>,
): string | null {
  const { facts, context, dockerfile } = input;
  const { name } = facts.from;
  if (facts.from.registry !== null || name.includes('/') || name.includes('$')) return null;
  if (OFFICIAL_OS_IMAGES.has(name)) return null;
  const known = [
    ...profile.runtimeImages.map((r) => r.name),
    ...profile.detect.baseImages.map((b) => b.pattern),
  ];
  if (known.some((pattern) => compiledRegExp(pattern).test(name))) return null;
  const text = (t: string) => t.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const others = context.files.filter(
    (f) => DOCKERFILE_NAME.test(f) && text(context.read(f) ?? '') !== text(dockerfile.text),
  );
  if (others.length === 0) return null;
  return `the base image "${facts.from.text}" is not a known image (${others.slice(0, 2).join(', ')} in the build context may build it): msb cannot tell which JDK or server it holds`;
}
