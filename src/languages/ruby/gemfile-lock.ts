/**
 * Reads a Gemfile.lock (or gems.locked): the locked gems with their versions and platforms, and
 * the gems that come from git or from a local path. Only the sections' top-level entries matter
 * here; the dependency lines under each spec are skipped.
 */

export interface LockedGem {
  name: string;
  version: string;
  /** `x86_64-linux` for a precompiled platform gem, null for the `ruby` (source) platform. */
  platform: string | null;
  source: 'gem' | 'git' | 'path';
}

export interface GemfileLock {
  gems: LockedGem[];
}

const SECTIONS: Record<string, LockedGem['source']> = { GEM: 'gem', GIT: 'git', PATH: 'path' };

export function parseGemfileLock(text: string): GemfileLock {
  const lock: GemfileLock = { gems: [] };
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    if (/^[A-Z]/.test(line)) {
      section = line.trim();
      continue;
    }
    // A spec is indented by four spaces under `specs:`; its own dependencies by six.
    const spec = /^ {4}([A-Za-z0-9_.-]+) \(([^)\s]+)\)\s*$/.exec(line);
    if (spec && section in SECTIONS) {
      const [version, ...platform] = spec[2].split('-');
      lock.gems.push({
        name: spec[1],
        version,
        platform: platform.length > 0 ? platform.join('-') : null,
        source: SECTIONS[section],
      });
    }
  }
  return lock;
}

/** Locked gem names, each once. */
export function lockedGemNames(lock: GemfileLock): string[] {
  return [...new Set(lock.gems.map((g) => g.name))];
}
