/**
 * The shared system-packages.yaml and `extends` are a refactor of the data, not a change of it:
 * every shipped profile, once merged, holds what it held before (fixtures written from the
 * profiles as they were before the split, plus `contextSkipDirs` and `installCaches`, moved
 * from build-context.ts and lint rule MSB005). Glob lists are sets to the matcher, so their order
 * is not compared; every other list keeps its order.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { loadProfiles } from '../../../src';
import type { Profile } from '../../../src/profiles/profile-types';

const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'effective-profiles');

function comparable(profile: Omit<Profile, 'source'>): unknown {
  if (!profile.packages) return profile;
  const { buildOnly, runtime } = profile.packages;
  return {
    ...profile,
    packages: { ...profile.packages, buildOnly: [...buildOnly].sort(), runtime: [...runtime].sort() },
  };
}

describe('shipped profiles after merging', () => {
  it.each(['python', 'node', 'go', 'java'])('%s holds the same data as before system-packages.yaml', (id) => {
    const { source: _source, ...loaded } = loadProfiles().find((p) => p.id === id)!;
    const before = JSON.parse(readFileSync(path.join(fixtures, `${id}.json`), 'utf8')) as Omit<
      Profile,
      'source'
    >;
    expect(comparable(loaded)).toEqual(comparable(before));
  });

  it('python and node share their common apt/apk entries through system-packages.yaml', () => {
    const shipped = path.join(__dirname, '..', '..', '..', 'language-profiles');
    for (const id of ['python', 'node'])
      expect(readFileSync(path.join(shipped, `${id}.yaml`), 'utf8')).toMatch(
        /^ {2}extends: system-packages\b/m,
      );
  });
});
