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

describe('the context as the detected language sees it', () => {
  const profiles = [{ contextSkipDirs: ['node_modules', 'build'] }, { contextSkipDirs: ['target'] }];

  it.each([
    [
      'its own folders stay out; the others come back after the project files',
      ['target'],
      ['.venv/bin/python', 'app.py', 'vendor/modules.txt', 'node_modules/x/index.js', 'src/build/out.txt'],
    ],
    [
      'a language that skips every folder detection skipped sees the same listing',
      ['node_modules', 'build', 'target'],
      ['.venv/bin/python', 'app.py', 'vendor/modules.txt'],
    ],
  ])('%s', (_name, own, expected) => {
    const context = openBuildContext(dir, profiles).forLanguage(own);
    expect(context.files).toEqual(expected);
    expect(context.glob('**/out.txt')).toEqual(expected.filter((f) => f.endsWith('out.txt')));
  });

  it('a folder another language skips (.NET bin/) is read by the language it belongs to (Rust src/bin/)', () => {
    const rust = mkdtempSync(path.join(tmpdir(), 'msb-context-'));
    for (const file of ['Cargo.toml', 'src/bin/tool.rs', 'target/release/app']) {
      mkdirSync(path.dirname(path.join(rust, file)), { recursive: true });
      writeFileSync(path.join(rust, file), 'x');
    }
    const detection = openBuildContext(rust, [{ contextSkipDirs: ['bin'] }, { contextSkipDirs: ['target'] }]);
    expect(detection.files).toEqual(['Cargo.toml']);
    expect(detection.forLanguage(['target']).glob('src/bin/*.rs')).toEqual(['src/bin/tool.rs']);
  });
});
