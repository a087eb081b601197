/**
 * Chooses the runtime base image from the builder's, by the profile's rules: the slim
 * variant of the same version (`python:3.9` → `python:3.9-slim`), a JRE for a JDK, a fixed
 * minimal image for static binaries. Tags driven by an ARG stay ARG-driven. An image below one
 * of the profile's registry prefixes (a mirror of Docker Hub) is matched as the official one.
 */
import type { ImageRef } from '../analyze/stage-facts';
import { expandVariables } from '../analyze/instruction-args';
import type { ParsedDockerfile } from '../parse/parse-dockerfile';
import type { ImageRule, Profile, RegistryPrefix } from '../profiles/profile-types';
import { compiledRegExp } from '../util/compiled-regexp';

/** The part of a profile that chooses runtime images. */
export type RuntimeImageRules = Pick<Profile, 'runtimeImages' | 'registryPrefixes'>;

export type RuntimeImageChoice =
  { ok: true; image: string; notes: string[]; warnings: string[] } | { ok: false; reason: string };

/** Where the skip reason sends a user whose images come from a registry msb does not know. */
const CUSTOM_PROFILE_HINT =
  'if it mirrors an official image or is an image of your own, map it in a profile that extends the shipped one: --profile FILE (see docs/profiles.md)';

/**
 * @param runs programs the container command and HEALTHCHECK run: tag rules with `unlessRuns`
 *   naming one of them are passed over (a Python image whose node is needed at run time).
 */
export function chooseRuntimeImage(
  from: ImageRef,
  profile: RuntimeImageRules,
  globals: ReadonlyMap<string, string>,
  runs: readonly string[] = [],
): RuntimeImageChoice {
  // Docker's reference grammar (plus ${VAR}): anything else would be copied into the new FROM as is.
  const parts = [from.text, from.name, from.tag ?? '', from.digest ?? ''];
  if (parts.some((part) => !/^[A-Za-z0-9._\-/:@${}]*$/.test(part)))
    return { ok: false, reason: `the base image "${from.text}" is not a valid image reference` };
  const name = expandVariables(from.name, globals);
  if (name.includes('$'))
    return {
      ok: false,
      reason: `the base image "${from.text}" is chosen by a build argument without a default`,
    };
  const mirror = officialName(from.registry, name, profile.registryPrefixes ?? []);
  const rule = findRule(mirror.name, profile);
  if (!rule)
    return {
      ok: false,
      reason: `no runtime image is known for the base image "${from.text}"; ${CUSTOM_PROFILE_HINT}`,
    };
  const notes = [...mirror.notes, ...(rule.note ? [rule.note] : [])];
  const warnings: string[] = [];
  if (rule.image && !rule.tags) return { ok: true, image: rule.image, notes, warnings };

  const rawTag = from.tag ?? 'latest';
  const tag = expandVariables(rawTag, globals);
  if (tag.includes('$'))
    return {
      ok: false,
      reason: `the tag of "${from.text}" is a build argument without a default; msb cannot tell which runtime variant matches`,
    };
  const prefix = from.registry ? `${from.registry}/${from.name}` : from.name;

  for (const tagRule of rule.tags ?? []) {
    const match = compiledRegExp(tagRule.match).exec(tag);
    if (!match || tagRule.unlessRuns?.some((p) => runs.includes(p))) continue;
    if (tagRule.note) notes.push(tagRule.note);
    if (tagRule.keep) {
      return {
        ok: true,
        image: `${prefix}:${rawTag}${from.digest ? `@${from.digest}` : ''}`,
        notes,
        warnings,
      };
    }
    if (from.digest)
      warnings.push(
        `the base image is pinned by digest; pin the runtime image "${describeTarget(tagRule, match)}" by digest too`,
      );
    if (tagRule.image) return { ok: true, image: substitute(tagRule.image, match), notes, warnings };
    const newTag = substitute(tagRule.to as string, match);
    return { ok: true, image: `${prefix}:${keepArgDriven(rawTag, tag, newTag, warnings)}`, notes, warnings };
  }
  if (rule.image) return { ok: true, image: rule.image, notes, warnings };
  return { ok: false, reason: `no runtime variant is known for the tag "${rawTag}" of "${from.name}"` };
}

/** The base image's own WORKDIR, from the first profile whose image rule knows it (`gradle` → /home/gradle). */
export function baseImageWorkdir(from: ImageRef, profiles: readonly RuntimeImageRules[]): string | undefined {
  // Every conversion asks, and a run sees few distinct images: each is matched against every profile's rules once.
  const known = workdirs.get(profiles) ?? new Map<string, string | undefined>();
  workdirs.set(profiles, known);
  const key = `${from.registry ?? ''}\0${from.name}`;
  if (!known.has(key)) {
    if (known.size >= WORKDIR_CACHE_LIMIT) known.clear();
    known.set(key, findWorkdir(from, profiles));
  }
  return known.get(key);
}

const workdirs = new WeakMap<readonly RuntimeImageRules[], Map<string, string | undefined>>();
const WORKDIR_CACHE_LIMIT = 1000;

function findWorkdir(from: ImageRef, profiles: readonly RuntimeImageRules[]): string | undefined {
  for (const profile of profiles) {
    const rule = findRule(
      officialName(from.registry, from.name, profile.registryPrefixes ?? []).name,
      profile,
    );
    if (rule?.workdir) return rule.workdir;
  }
  return undefined;
}

function findRule(name: string, profile: RuntimeImageRules): ImageRule | undefined {
  return profile.runtimeImages.find((r) => compiledRegExp(r.name).test(name));
}

/** `registry.corp.example/base/python` below the prefix `registry.corp.example/base/` is `python`. */
function officialName(
  registry: string | null,
  name: string,
  prefixes: readonly RegistryPrefix[],
): { name: string; notes: string[] } {
  const full = registry ? `${registry}/${name}` : name;
  for (const { prefix, note } of prefixes) {
    const folder = prefix.endsWith('/') ? prefix : `${prefix}/`;
    if (full.startsWith(folder) && full.length > folder.length)
      return { name: full.slice(folder.length), notes: note ? [note] : [] };
  }
  return { name, notes: [] };
}

/** Defaults of the ARGs declared before the first FROM (what a FROM line can use). */
export function globalArgValues(dockerfile: ParsedDockerfile): Map<string, string> {
  const globals = new Map<string, string>();
  for (const arg of dockerfile.globalArgs) {
    const match = /^([A-Za-z_]\w*)=(.*)$/.exec(arg.args.trim());
    if (match) globals.set(match[1], match[2].replace(/^(["'])(.*)\1$/, '$2'));
  }
  return globals;
}

function substitute(template: string, match: RegExpExecArray): string {
  return template.replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (_whole, group: string) =>
      match.groups?.[group] ?? (/^\d+$/.test(group) ? (match[Number(group)] ?? '') : ''),
  );
}

function describeTarget(rule: { to?: string; image?: string }, match: RegExpExecArray): string {
  return substitute(rule.image ?? rule.to ?? '', match);
}

/** `${V}` resolving to `3.11` → `3.11-slim` becomes `${V}-slim`, so the ARG still drives both stages. */
function keepArgDriven(rawTag: string, resolvedTag: string, newTag: string, warnings: string[]): string {
  if (rawTag === resolvedTag) return newTag;
  if (newTag.startsWith(resolvedTag)) return rawTag + newTag.slice(resolvedTag.length);
  if (newTag.endsWith(resolvedTag)) return newTag.slice(0, newTag.length - resolvedTag.length) + rawTag;
  const version = /^\$\{?\w+\}?/.exec(rawTag);
  if (version) {
    const literal = rawTag.slice(version[0].length);
    const resolvedVersion = resolvedTag.slice(0, resolvedTag.length - literal.length);
    if (resolvedTag.endsWith(literal) && newTag.startsWith(resolvedVersion))
      return version[0] + newTag.slice(resolvedVersion.length);
  }
  warnings.push(
    `the runtime tag "${newTag}" was derived from the build argument's default; it no longer follows "${rawTag}"`,
  );
  return newTag;
}
