import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { loadProfiles } from '../../../src/languages';
import { PROFILES_DIR } from '../../../src/package-root';
import type { Profile } from '../../../src/profiles/profile-types';
import { savedProfilesText, shippedProfiles } from '../../../src/profiles/shipped-profiles';
import { builtModule } from '../../helpers/built-msb';

const profiles = loadProfiles();

describe('shipped profiles saved by the build', () => {
  let dir: string;
  let saved: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'msb-shipped-'));
    mkdirSync(path.join(dir, 'profiles'));
    for (const name of readdirSync(PROFILES_DIR))
      copyFileSync(path.join(PROFILES_DIR, name), path.join(dir, 'profiles', name));
    saved = path.join(dir, 'shipped-profiles.json');
    const inCopy = profiles.map((p) => ({
      ...p,
      source: path.join(dir, 'profiles', path.basename(p.source)),
    }));
    writeFileSync(saved, savedProfilesText(inCopy, path.join(dir, 'profiles')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fromYaml = (): Profile[] => [];
  it.each<[string, (profilesDir: string) => void, 'saved' | 'yaml']>([
    ['the files as they were saved', () => undefined, 'saved'],
    ['a profile edited since', (d) => writeFileSync(path.join(d, 'go.yaml'), 'id: go\n'), 'yaml'],
    ['a profile added since', (d) => writeFileSync(path.join(d, 'zig.yaml'), 'id: zig\n'), 'yaml'],
    ['a profile removed since', (d) => rmSync(path.join(d, 'ruby.yaml')), 'yaml'],
    ['no saved file', () => rmSync(saved), 'yaml'],
  ])('%s: loads from the %s', (_name, change, from) => {
    change(path.join(dir, 'profiles'));
    const loaded = shippedProfiles(fromYaml, saved, path.join(dir, 'profiles'));
    expect(loaded.length > 0 ? 'saved' : 'yaml').toBe(from);
  });

  it('gives back the profiles as loaded, each naming its file in the profile folder', () => {
    const loaded = shippedProfiles(fromYaml, saved, path.join(dir, 'profiles'));
    expect(loaded).toEqual(
      profiles.map((p) => ({ ...p, source: path.join(dir, 'profiles', path.basename(p.source)) })),
    );
  });

  it('refuses a value JSON would not give back', () => {
    const [first] = profiles;
    expect(() => savedProfilesText([{ ...first, settings: { when: undefined } }])).toThrow(
      'do not survive JSON',
    );
  });

  it('the build saved the profiles as the YAML gives them', () => {
    const built =
      builtModule<typeof import('../../../src/profiles/shipped-profiles')>('profiles/shipped-profiles');
    const fromBuild = built.shippedProfiles(() => {
      throw new Error('dist/profiles/shipped-profiles.json is stale or missing');
    });
    expect(fromBuild).toEqual(profiles);
  });
});
