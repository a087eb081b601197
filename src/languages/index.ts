/**
 * The registry of language strategies. A new language is a profile YAML + a strategy here +
 * templates + examples; the core does not change.
 */
import { MsbError } from '../errors';
import { loadProfileFile, loadProfilesFromDir, profileBases } from '../profiles/load-profiles';
import type { Profile } from '../profiles/profile-types';
import type { LanguageStrategy } from '../plan/plan-types';
import type { PlanEnvironment } from '../plan/planner';
import { defaultRenderer } from '../render/templates';
import { pythonStrategy } from './python';
import { nodeStrategy } from './node';
import { goStrategy } from './go';
import { javaStrategy } from './java';

export const STRATEGIES: Readonly<Record<string, LanguageStrategy>> = {
  python: pythonStrategy,
  node: nodeStrategy,
  go: goStrategy,
  java: javaStrategy,
};

export function settingsSchemaFor(strategy: string): object | null | undefined {
  return STRATEGIES[strategy] ? STRATEGIES[strategy].settingsSchema : undefined;
}

export function strategyFor(profile: Profile): LanguageStrategy {
  const strategy = STRATEGIES[profile.strategy];
  if (!strategy) throw new MsbError('invalid-profile', `strategy: unknown strategy "${profile.strategy}"`, { file: profile.source });
  return strategy;
}

/**
 * The shipped profiles, plus user profiles (`--profile my.yaml`) that replace same-id ones; a user
 * profile can extend a shipped profile or one given before it.
 */
export function loadProfiles(extraProfileFiles: readonly string[] = []): Profile[] {
  const profiles = loadProfilesFromDir(settingsSchemaFor);
  for (const file of extraProfileFiles) {
    const profile = loadProfileFile(file, settingsSchemaFor, profileBases(profiles));
    const index = profiles.findIndex((p) => p.id === profile.id);
    if (index >= 0) profiles[index] = profile;
    else profiles.push(profile);
  }
  return profiles;
}

export function createEnvironment(extraProfileFiles: readonly string[] = []): PlanEnvironment {
  return { profiles: loadProfiles(extraProfileFiles), strategyFor, templates: defaultRenderer() };
}

let shared: PlanEnvironment | undefined;
/** Shipped profiles, loaded and validated once per process. */
export function defaultEnvironment(): PlanEnvironment {
  shared ??= createEnvironment();
  return shared;
}
