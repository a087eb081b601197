/**
 * The shipped profiles as the build saved them: `npm run build` loads and validates the YAML once
 * and writes the result beside this module (dist/profiles/shipped-profiles.json, a build product
 * like the standalone validators), so start-up reads one JSON file instead of parsing every YAML.
 * The file is keyed by a hash of the profile folder's files and the template names: an edited
 * profile, or a src/ run without a build, loads from the YAML as before.
 */
import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { PROFILES_DIR, TEMPLATES_DIR } from '../package-root';
import type { Profile } from './profile-types';

/** Where the build writes the saved profiles (beside this module in dist/; never in src/). */
const SHIPPED_PROFILES_FILE = path.join(__dirname, 'shipped-profiles.json');

interface SavedProfiles {
  key: string;
  /** Each profile with `source` relative to the profile folder (the package may move after the build). */
  profiles: Profile[];
}

/** A hash of what loading the shipped profiles reads: every profile file, and which templates exist. */
function shippedProfilesKey(dir = PROFILES_DIR, templatesDir = TEMPLATES_DIR): string {
  const hash = createHash('sha1');
  for (const name of readdirSync(dir).sort())
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(path.join(dir, name)))
      .update('\0');
  for (const name of readdirSync(templatesDir).sort()) hash.update(name).update('\0');
  return hash.digest('hex');
}

/** The saved profiles when they were made from the files as they are now, else `load()`. */
export function shippedProfiles(
  load: () => Profile[],
  file = SHIPPED_PROFILES_FILE,
  dir = PROFILES_DIR,
): Profile[] {
  const saved = readSaved(file);
  if (!saved || saved.key !== shippedProfilesKey(dir)) return load();
  return saved.profiles.map((profile) => ({ ...profile, source: path.join(dir, profile.source) }));
}

/**
 * The file the build writes for `profiles` (loaded from `dir`). Throws when the profiles would
 * not come back from JSON exactly as loaded: the saved copy must be the YAML's, value for value.
 */
export function savedProfilesText(profiles: readonly Profile[], dir = PROFILES_DIR): string {
  const saved: SavedProfiles = {
    key: shippedProfilesKey(dir),
    profiles: profiles.map((profile) => ({ ...profile, source: path.relative(dir, profile.source) })),
  };
  const text = JSON.stringify(saved);
  const restored = JSON.parse(text) as SavedProfiles;
  if (!isDeepStrictEqual(restored.profiles, saved.profiles))
    throw new Error('the shipped profiles do not survive JSON unchanged');
  return text;
}

function readSaved(file: string): SavedProfiles | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null; // not built (running from src/), or removed
  }
  return JSON.parse(text) as SavedProfiles;
}
