/**
 * Profiles and strategies put together: the shipped profiles (plus `--profile` files), each
 * validated against the strategy it names and bound to it. A new language is a profile YAML,
 * a folder of strategy modules, templates and examples; nothing here names one.
 */
import {
  loadProfileFile,
  loadProfilesFromDir,
  profileBases,
  StrategyLookup,
} from '../profiles/load-profiles';
import type { Profile } from '../profiles/profile-types';
import { shippedProfiles } from '../profiles/shipped-profiles';
import type { PlanEnvironment } from '../plan/planner';
import { defaultRenderer } from '../render/templates';
import { bindStrategy, strategies } from './registry';
import type { ProfileStrategy } from './strategy';

export { strategies } from './registry';

/** What profile loading checks against: the discovered strategy a profile names. */
export const strategyContract: StrategyLookup = (id) => strategies().get(id);

/**
 * The shipped profiles, plus user profiles (`--profile my.yaml`) that replace same-id ones or add
 * languages; a user profile can extend a shipped profile or one given before it.
 */
export function loadProfiles(extraProfileFiles: readonly string[] = []): Profile[] {
  const profiles = shippedProfiles(() => loadProfilesFromDir(strategyContract));
  for (const file of extraProfileFiles) {
    const profile = loadProfileFile(file, strategyContract, profileBases(profiles));
    const index = profiles.findIndex((p) => p.id === profile.id);
    if (index >= 0) profiles[index] = profile;
    else profiles.push(profile);
  }
  return profiles;
}

/** Profiles with their strategies bound once (settings validated and typed). */
export function environmentFor(profiles: readonly Profile[]): PlanEnvironment {
  const bound = new Map<Profile, ProfileStrategy>(profiles.map((p) => [p, bindStrategy(p)]));
  return {
    profiles,
    strategyFor: (profile) => bound.get(profile) ?? bindStrategy(profile),
    templates: defaultRenderer(),
  };
}

export function createEnvironment(extraProfileFiles: readonly string[] = []): PlanEnvironment {
  return environmentFor(loadProfiles(extraProfileFiles));
}

let shared: PlanEnvironment | undefined;
/** Shipped profiles, loaded and validated once per process. */
export function defaultEnvironment(): PlanEnvironment {
  shared ??= createEnvironment();
  return shared;
}
