/**
 * The language strategies, found by listing this folder: every `src/languages/<id>/` exports
 * `strategy` (made with defineStrategy). Adding a language adds a folder; nothing here changes.
 */
import { readdirSync } from 'fs';
import * as path from 'path';
import { MsbError } from '../errors';
import type { Profile } from '../profiles/profile-types';
import { ProfileStrategy, RegisteredStrategy } from './strategy';

let discovered: ReadonlyMap<string, RegisteredStrategy> | undefined;

/** Every strategy by id (its folder name), loaded once per process. */
export function strategies(): ReadonlyMap<string, RegisteredStrategy> {
  discovered ??= discover(__dirname);
  return discovered;
}

function discover(dir: string): Map<string, RegisteredStrategy> {
  const found = new Map<string, RegisteredStrategy>();
  const folders = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const { name } of folders.sort((a, b) => a.name.localeCompare(b.name))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the folder listing is the registry
    const module: { strategy?: unknown } = require(path.join(dir, name));
    if (!(module.strategy instanceof RegisteredStrategy)) {
      throw new Error(`src/languages/${name}/index.ts must export \`strategy = defineStrategy({...})\``);
    }
    found.set(name, module.strategy);
  }
  return found;
}

/** The strategy a profile names, bound to the profile's settings. */
export function bindStrategy(profile: Profile): ProfileStrategy {
  const strategy = strategies().get(profile.strategy);
  if (!strategy)
    throw new MsbError('invalid-profile', `strategy: unknown strategy "${profile.strategy}"`, {
      file: profile.source,
    });
  return strategy.bind(profile);
}
