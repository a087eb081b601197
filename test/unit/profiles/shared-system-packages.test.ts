/**
 * The apt/apk knowledge that Python and Node share lives once, in system-packages.yaml: both
 * profiles extend it instead of copying entries.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { loadProfiles } from '../../../src';

const shipped = path.join(__dirname, '..', '..', '..', 'language-profiles');

describe('shared system packages', () => {
  it.each(['python', 'node', 'ruby', 'php'])(
    '%s extends system-packages.yaml and holds its entries',
    (id) => {
      expect(readFileSync(path.join(shipped, `${id}.yaml`), 'utf8')).toMatch(
        /^ {2}extends: system-packages\b/m,
      );
      const profile = loadProfiles().find((p) => p.id === id)!;
      // libpq-dev → libpq5 is one of the shared entries: present in the merged profile.
      expect(JSON.stringify(profile.packages)).toContain('libpq');
    },
  );
});
