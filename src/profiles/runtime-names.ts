/**
 * `--runtime NAME[,option]`: the runtime flavours each profile offers (the keys of its
 * `settings.runtimes`), so that a name no profile, or not the chosen language, offers is a usage
 * error before any work instead of a flag silently ignored. Words a profile lists in
 * `settings.runtimeOptions` (java's `layered`) may come with or instead of a name.
 */
import type { Profile } from './profile-types';

function runtimeNames(profile: Profile): string[] {
  const runtimes = profile.settings?.runtimes;
  return runtimes && typeof runtimes === 'object' ? Object.keys(runtimes) : [];
}

function runtimeOptions(profile: Profile): string[] {
  const options = profile.settings?.runtimeOptions;
  return Array.isArray(options) ? options.map(String) : [];
}

/** The first word of `value` the profile does not know, or null when it knows them all. */
function unknownWord(profile: Profile, value: string): string | null {
  const known = [...runtimeNames(profile), ...runtimeOptions(profile)];
  const words = value
    .split(/[,+]/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0) return value;
  return words.find((w) => !known.includes(w)) ?? null;
}

/** What is wrong with `--runtime value` for these profiles (or for `language` alone), or null. */
export function runtimeProblem(
  profiles: readonly Profile[],
  value: string | undefined,
  language?: string | null,
): string | null {
  if (value === undefined) return null;
  const describe = (profile: Profile) => {
    const options = runtimeOptions(profile);
    return `${runtimeNames(profile).join(', ')}${options.length ? ` (plus ${options.map((o) => `,${o}`).join(' ')})` : ''}`;
  };
  const profile = language ? profiles.find((p) => p.id === language) : undefined;
  if (profile) {
    if (unknownWord(profile, value) === null) return null;
    return `--runtime ${value}: ${profile.id} ${runtimeNames(profile).length ? `offers ${describe(profile)}` : 'offers no runtime choice'}`;
  }
  if (profiles.some((p) => unknownWord(p, value) === null)) return null;
  const offering = profiles.filter((p) => runtimeNames(p).length);
  return `--runtime ${value}: no profile offers it (${offering.map((p) => `${p.id}: ${describe(p)}`).join('; ')})`;
}
