/** The config file (src/config): validation with file:line problems, and discovery upwards from a file. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findConfig, loadConfig, parseConfig } from '../../src/config/load-config';
import { isMsbError } from '../../src/errors';

function problemOf(text: string): string {
  return oneLine(() => parseConfig(text, '/repo/.msbrc.yaml'));
}

function oneLine(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isMsbError(error)) return error.toOneLine();
    throw error;
  }
  return 'valid';
}

describe('parseConfig', () => {
  it('reads every key and resolves profile paths against the config folder', () => {
    const config = parseConfig(
      'ignore: [msb004]\nruntime:\n  go: alpine\nminSaving: 20%\nprofiles: [./corp/python.yaml]\n',
      '/repo/.msbrc.yaml',
    );
    expect(config).toEqual({
      source: '/repo/.msbrc.yaml',
      ignore: ['MSB004'],
      runtime: { go: 'alpine' },
      minSaving: { unit: '%', value: 20 },
      profiles: [path.resolve('/repo/corp/python.yaml')],
    });
  });

  it.each([
    ['empty (comments only)', '# nothing yet\n', 'valid'],
    [
      'unknown key, on its line',
      'ignore: []\nruntimes:\n  go: alpine\n',
      '/repo/.msbrc.yaml:2: runtimes: unknown field (known: ignore, runtime, minSaving, force, profiles)',
    ],
    [
      'not a rule id',
      'ignore:\n  - MSB004\n  - DL3006\n',
      '/repo/.msbrc.yaml:3: ignore.1: not a rule id (MSB001…)',
    ],
    ['runtime not a map', 'runtime: alpine\n', '/repo/.msbrc.yaml:1: runtime: must be object'],
    ['a list where a map is', '- ignore\n', '/repo/.msbrc.yaml:1: (top level): must be object'],
    ['YAML syntax', 'ignore: [MSB004\n', expect.stringMatching(/^\/repo\/\.msbrc\.yaml:\d: YAML: /)],
  ])('%s', (_name, text, expected) => {
    expect(problemOf(text)).toEqual(expected);
  });

  it('reports every problem, sorted by line', () => {
    expect(problemOf('profiles: [1]\nignore: [x]\nextra: 1\n').split('\n')).toEqual([
      '/repo/.msbrc.yaml:1: profiles.0: must be string',
      '/repo/.msbrc.yaml:2: ignore.0: not a rule id (MSB001…)',
      '/repo/.msbrc.yaml:3: extra: unknown field (known: ignore, runtime, minSaving, force, profiles)',
    ]);
  });
});

describe('findConfig', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'msb-config-'));
    mkdirSync(path.join(tmp, 'org', 'repo', 'docker'), { recursive: true });
    mkdirSync(path.join(tmp, 'org', 'other'), { recursive: true });
    writeFileSync(path.join(tmp, 'org', 'msb.config.yaml'), 'ignore: [MSB003]\n');
    writeFileSync(path.join(tmp, 'org', 'repo', '.msbrc.yaml'), 'ignore: [MSB004]\n');
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it.each([
    ['the nearest file above wins', 'org/repo/docker', 'org/repo/.msbrc.yaml'],
    ['in the folder itself', 'org/repo', 'org/repo/.msbrc.yaml'],
    ['a sibling uses the parent', 'org/other', 'org/msb.config.yaml'],
    ['none above', '.', null],
  ])('%s', (_name, folder, expected) => {
    expect(findConfig(path.join(tmp, folder))?.source ?? null).toBe(expected && path.join(tmp, expected));
  });

  it('an invalid file on the way up is an error, not skipped', () => {
    writeFileSync(path.join(tmp, 'org', 'other', '.msbrc.yml'), 'ignore: MSB004\n');
    expect(oneLine(() => findConfig(path.join(tmp, 'org', 'other')))).toBe(
      `${path.join(tmp, 'org', 'other', '.msbrc.yml')}:1: ignore: must be array`,
    );
  });

  it('loadConfig reads a named file and refuses code', () => {
    expect(loadConfig(path.join(tmp, 'org', 'repo', '.msbrc.yaml')).ignore).toEqual(['MSB004']);
    expect(() => loadConfig(path.join(tmp, 'nope.yaml'))).toThrow(/no such config file/);
    expect(() => loadConfig(path.join(tmp, 'msb.config.js'))).toThrow(/not code/);
  });
});
