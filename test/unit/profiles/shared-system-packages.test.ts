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

/** Lists append when a profile extends shared data: an entry repeated there comes out twice in decisions. */
function repeatedItems(value: unknown, at: string, found: string[]): string[] {
  if (Array.isArray(value)) {
    const scalars = value.filter((item) => typeof item !== 'object');
    const repeated = scalars.filter((item, i) => scalars.indexOf(item) !== i);
    if (repeated.length > 0) found.push(`${at}: ${[...new Set(repeated)].join(', ')}`);
    value.forEach((item, i) => repeatedItems(item, `${at}/${i}`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) repeatedItems(item, `${at}/${key}`, found);
  }
  return found;
}

describe('merged profile data', () => {
  it.each(loadProfiles().map((p) => [p.id, p] as const))('%s repeats no list item', (id, profile) => {
    expect(repeatedItems(profile, id, [])).toEqual([]);
  });

  it('finds a repeat (the check can fail)', () => {
    expect(repeatedItems({ packages: { runtime: ['a', 'b', 'a'] } }, 'x', [])).toEqual([
      'x/packages/runtime: a',
    ]);
  });
});
