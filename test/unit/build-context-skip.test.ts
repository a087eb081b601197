/** The build-context listing skips version-control folders always, and the folders the loaded profiles name. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { openBuildContext } from '../../src/context/build-context';
import { loadProfiles } from '../../src';

const dir = mkdtempSync(path.join(tmpdir(), 'msb-context-'));
for (const file of [
  'app.py',
  '.git/HEAD',
  '.idea/workspace.xml',
  'node_modules/x/index.js',
  '.venv/bin/python',
  'vendor/modules.txt',
  'target/app.jar',
  'src/build/out.txt',
]) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), 'x');
}

describe('build-context folders skipped', () => {
  it.each([
    [
      'no profiles: only version control and editor state',
      [],
      [
        'app.py',
        'node_modules/x/index.js',
        'src/build/out.txt',
        'target/app.jar',
        'vendor/modules.txt',
        '.venv/bin/python',
      ],
    ],
    [
      'a profile adds its folders, at any depth',
      [{ contextSkipDirs: ['node_modules', 'build'] }],
      ['app.py', 'target/app.jar', 'vendor/modules.txt', '.venv/bin/python'],
    ],
    ['the shipped profiles', loadProfiles(), ['app.py']],
  ])('%s', (_name, profiles, expected) => {
    expect([...openBuildContext(dir, profiles).files].sort()).toEqual([...expected].sort());
  });
});
