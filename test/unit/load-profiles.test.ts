import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import {
  loadProfilesFromDir,
  loadSystemPackages,
  parseProfile,
  profileBases,
} from '../../src/profiles/load-profiles';
import { ProfileError } from '../../src/profiles/profile-problems';
import { loadProfiles, strategyContract } from '../../src/languages';
import { MsbError } from '../../src';
import type { Profile } from '../../src/profiles/profile-types';

const pythonYaml = readFileSync(path.join(__dirname, '..', '..', 'language-profiles', 'python.yaml'), 'utf8');

const shipped = profileBases(loadProfiles());
const extending = (text: string) => parseProfile(text, 'my.yaml', strategyContract, shipped);

function errorOf(text: string): MsbError {
  try {
    parseProfile(text, 'my.yaml', strategyContract, shipped);
  } catch (error) {
    return error as MsbError;
  }
  throw new Error('expected an error');
}

describe('profile loading', () => {
  it('loads and validates every shipped profile', () => {
    const profiles = loadProfiles();
    expect(profiles.map((p) => p.id)).toContain('python');
    for (const profile of profiles) expect(profile.source).toMatch(/language-profiles/);
  });

  it.each([
    [
      'a wrong type, with its line',
      pythonYaml.replace('priority: 40', 'priority: high'),
      /^my\.yaml:\d+: detect\.priority: must be integer$/,
    ],
    [
      'an unknown field',
      pythonYaml.replace('strategy: python', 'strategy: python\nstratgy: typo'),
      /my\.yaml:\d+: .*unknown field "stratgy"/,
    ],
    [
      'a missing field',
      pythonYaml.replace(/^templates:[\s\S]*?^imageSizes:/m, 'imageSizes:'),
      /missing required field "templates"/,
    ],
    [
      'a bad regular expression',
      pythonYaml.replace('"(^|/)python$"', '"(^|/python$"'),
      /detect\.baseImages\.0\.pattern|runtimeImages|not a valid regular expression/,
    ],
    [
      'an unknown strategy',
      pythonYaml.replace('strategy: python', 'strategy: cobol'),
      /strategy: unknown strategy "cobol"/,
    ],
    [
      'a settings mistake checked by the strategy schema',
      pythonYaml.replace('venvPath: /opt/venv', 'venvPath: relative/path'),
      /settings\.venvPath/,
    ],
    [
      'a template key the strategy renders, missing',
      pythonYaml.replace('  builderVenv: python/builder-venv\n', ''),
      /my\.yaml:\d+: templates: missing template "builderVenv" \(the python strategy renders it\)/,
    ],
    [
      'a template that does not exist',
      pythonYaml.replace('builderVenv: python/builder-venv', 'builderVenv: python/no-such'),
      /my\.yaml:\d+: templates\.builderVenv: no template "python\/no-such"/,
    ],
    ['broken YAML', 'id: [unclosed', /my\.yaml:1: YAML:/],
  ])('reports %s as file:line: field: problem', (_name, text, message) => {
    const error = errorOf(text);
    expect(error).toBeInstanceOf(MsbError);
    expect(error.kind).toBe('invalid-profile');
    expect(error.toOneLine()).toMatch(message);
  });

  it('points at the line of the wrong field', () => {
    const text = pythonYaml.replace('priority: 40', 'priority: high');
    const line = text.split('\n').findIndex((l) => l.includes('priority: high')) + 1;
    expect(errorOf(text).line).toBe(line);
  });

  it('lets a user profile replace a shipped one', () => {
    const tmp = path.join(tmpdir(), `msb-profile-${process.pid}.yaml`);
    writeFileSync(tmp, pythonYaml.replace('venvPath: /opt/venv', 'venvPath: /venv'));
    const python = loadProfiles([tmp]).find((p) => p.id === 'python')!;
    expect((python.settings as { venvPath: string }).venvPath).toBe('/venv');
  });

  it.each([
    [
      'two wrong fields',
      'id: python\nextends: python\nname: 5\ndetect:\n  priority: high\n',
      ['3: name: must be string', '5: detect.priority: must be integer'],
    ],
    [
      'sorted by line whatever the schema order',
      'extends: python\ntemplates:\n  runtimeStage: ""\nid: Python\n',
      [
        '3: templates.runtimeStage: must NOT have fewer than 1 characters',
        '4: id: must match pattern "^[a-z][a-z0-9-]*$"',
      ],
    ],
    [
      'a layer mistake and a settings mistake',
      'extends: python\nstratgy: python\nsettings:\n  venvPath: relative\n',
      ['2: (top level): unknown field "stratgy"', '4: settings.venvPath: must match pattern "^/[^\\s$]*$"'],
    ],
    [
      'each field of a branchy rule once',
      'extends: python\nruntimeImages:\n  - name: corp\n    tags:\n      - { match: x }\n      - { match: y, keep: true, to: z }\n',
      [
        '5: runtimeImages.0.tags.0: missing required field "keep"',
        '6: runtimeImages.0.tags.1: needs exactly one of keep, to, image',
      ],
    ],
    [
      'missing fields of a profile that extends nothing',
      'id: cobol\nname: COBOL\nstrategy: python\n',
      [
        '1: (top level): missing required field "detect"',
        '1: (top level): missing required field "runtimeImages"',
        '1: (top level): missing required field "templates"',
        '1: settings: missing required field "environments"',
        '1: settings: missing required field "venvPath"',
        '1: settings: missing required field "toolPackages"',
        '1: settings: missing required field "pipOptions"',
        '1: settings: missing required field "environmentManagers"',
        '1: settings: missing required field "dependencyInstallers"',
        '1: settings: missing required field "condaPrograms"',
        '1: settings: missing required field "testPrograms"',
        '1: settings: missing required field "testModules"',
        '1: settings: missing required field "buildOnlyFiles"',
        '1: settings: missing required field "installerUse"',
        '1: settings: missing required field "installers"',
        '1: settings: missing required field "systemPythonImages"',
        '1: settings: missing required field "systemPrefixes"',
        '1: settings: missing required field "userBasePath"',
        '1: settings: missing required field "installerImages"',
        '1: settings: missing required field "frameworks"',
        '1: settings: missing required field "interpreted"',
      ],
    ],
    [
      'an unknown base',
      'id: corp\nextends: pyhton\n',
      ['2: extends: no profile with the id "pyhton" is loaded before this one'],
    ],
    [
      '!replace on a map',
      'extends: python\nsettings: !replace\n  venvPath: /v\n',
      ['2: settings: !replace applies to a list'],
    ],
  ])('reports every problem at once, sorted by line: %s', (_name, text, expected) => {
    const error = errorOf(text);
    expect(error.toOneLine().split('\n')).toEqual(expected.map((line) => `my.yaml:${line}`));
    if (error instanceof ProfileError)
      expect(error.problems.map((p) => p.line)).toEqual(expected.map((line) => Number(line.split(':')[0])));
  });
});

describe('extends: a profile laid over a loaded one', () => {
  const python = loadProfiles().find((p) => p.id === 'python')!;

  it.each([
    [
      'inherits the id, so it replaces the base',
      'extends: python\n',
      (p: Profile) => expect({ ...p, source: python.source }).toEqual(python),
    ],
    [
      'overrides a setting, keeps the others',
      'extends: python\nsettings:\n  venvPath: /venv\n',
      (p: Profile) => expect(p.settings).toEqual({ ...python.settings, venvPath: '/venv' }),
    ],
    [
      'appends to a list',
      'extends: python\npackages:\n  runtime: [libcorp1]\n',
      (p: Profile) => expect(p.packages!.runtime).toEqual([...python.packages!.runtime, 'libcorp1']),
    ],
    [
      'replaces a list tagged !replace',
      'extends: python\npackages:\n  runtime: !replace [libcorp1]\n',
      (p: Profile) => expect(p.packages!.runtime).toEqual(['libcorp1']),
    ],
    [
      'adds map entries and merges same-key ones',
      'extends: python\npackages:\n  runtimeLibraries:\n    libpq-dev: { apt: [libpq-corp] }\n    corp-dev: { apk: [corp] }\n',
      (p: Profile) =>
        expect(p.packages!.runtimeLibraries).toEqual({
          ...python.packages!.runtimeLibraries,
          'libpq-dev': { apt: ['libpq5', 'libpq-corp'] },
          'corp-dev': { apk: ['corp'] },
        }),
    ],
    [
      "overrides a map entry's list with !replace",
      'extends: python\npackages:\n  runtimeLibraries:\n    libpq-dev: { apt: !replace [libpq-corp] }\n',
      (p: Profile) => expect(p.packages!.runtimeLibraries['libpq-dev']).toEqual({ apt: ['libpq-corp'] }),
    ],
    [
      'removes a map entry with null',
      'extends: python\nimageSizes:\n  "python:*": null\n',
      (p: Profile) => expect(Object.keys(p.imageSizes!)).not.toContain('python:*'),
    ],
    [
      'takes a new id: a second profile beside the base',
      'id: corp-python\nextends: python\n',
      (p: Profile) => expect([p.id, p.strategy]).toEqual(['corp-python', 'python']),
    ],
    [
      'adds registry prefixes',
      'extends: python\nregistryPrefixes:\n  - prefix: registry.corp.example/base/\n',
      // appended after the shipped public mirrors
      (p: Profile) =>
        expect(p.registryPrefixes?.slice(-2)).toEqual([
          { prefix: 'mirror.gcr.io/library/' },
          { prefix: 'registry.corp.example/base/' },
        ]),
    ],
  ])('%s', (_name, text, check) => {
    check(extending(text));
  });

  it('lets a user profile extend the shipped one through loadProfiles', () => {
    const tmp = path.join(tmpdir(), `msb-extends-${process.pid}.yaml`);
    writeFileSync(tmp, 'extends: python\nsettings:\n  venvPath: /venv\n');
    const profiles = loadProfiles([tmp]);
    expect(profiles.filter((p) => p.id === 'python')).toHaveLength(1);
    expect(profiles.find((p) => p.id === 'python')!.settings).toMatchObject({
      venvPath: '/venv',
      toolPackages: python.settings!.toolPackages,
    });
  });
});

describe('system-packages.yaml', () => {
  const write = (text: string) => {
    const tmp = path.join(tmpdir(), `msb-system-packages-${process.pid}.yaml`);
    writeFileSync(tmp, text);
    return tmp;
  };

  it('loads the shipped file', () => {
    expect(loadSystemPackages().buildOnly).toContain('gcc');
  });

  it('is validated like a profile, every problem at once', () => {
    const file = write('buildOnly: [gcc]\nruntimeLibraries:\n  libx-dev: { yum: [libx] }\nruntime: 5\n');
    expect(() => loadSystemPackages(file)).toThrow(
      new ProfileError(file, [
        { line: 3, field: 'runtimeLibraries.libx-dev', problem: 'unknown field "yum"' },
        { line: 4, field: 'runtime', problem: 'must be array' },
      ]),
    );
  });
});

describe('a folder of profiles that extend each other', () => {
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'msb-profiles-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };

  it('loads a base before the profile that extends it, whatever the file order', () => {
    const dir = folder({
      'a-corp.yaml': 'id: corp\nextends: python\nsettings:\n  venvPath: /corp\n',
      'z-python.yaml': pythonYaml,
    });
    const profiles = loadProfilesFromDir(strategyContract, dir);
    expect(profiles.map((p) => [p.id, p.settings?.venvPath])).toEqual([
      ['corp', '/corp'],
      ['python', '/opt/venv'],
    ]);
  });

  it('refuses profiles that extend each other in a circle', () => {
    const dir = folder({ 'a.yaml': 'id: a\nextends: b\n', 'b.yaml': 'id: b\nextends: a\n' });
    expect(() => loadProfilesFromDir(strategyContract, dir)).toThrow(/extend each other in a circle/);
  });
});
