import { analyzeStage } from '../../src/analyze/stage-facts';
import { parseDockerfile } from '../../src/parse/parse-dockerfile';
import { findPackageInstalls, RuntimeTarget, splitPackages } from '../../src/plan/system-packages';
import { loadProfiles } from '../../src';

const rules = loadProfiles().find((p) => p.id === 'python')!.packages!;
const nodeRules = loadProfiles().find((p) => p.id === 'node')!.packages!;
const slimBookworm: RuntimeTarget = {
  image: 'python:3.11-slim-bookworm',
  slimmer: true,
  dependencies: [],
  findInCode: () => null,
};

function split(dockerfile: string, needed: string[] = [], target: Partial<RuntimeTarget> = {}) {
  const parsed = parseDockerfile(dockerfile);
  const facts = analyzeStage(parsed, parsed.stages[0]);
  const { installs, removed } = findPackageInstalls(facts.runs);
  return splitPackages(installs, removed, rules, needed, { ...slimBookworm, ...target });
}

describe('package files (only the builder has them)', () => {
  it.each<[string, string, string[], string | undefined]>([
    [
      'apt-get install of a downloaded .deb',
      'RUN wget -q https://example.org/browser.deb && apt-get install -y xvfb ./browser.deb',
      ['xvfb'],
      'RUN (line 2) installs the package file ./browser.deb, which only the builder has: the runtime stage cannot install it, and msb cannot tell whether the app needs what it provides',
    ],
    [
      'dpkg -i, then apt-get -f install',
      'RUN dpkg -i /tmp/browser.deb; apt-get -fy install',
      [],
      'RUN (line 2) installs the package file /tmp/browser.deb, which only the builder has: the runtime stage cannot install it, and msb cannot tell whether the app needs what it provides',
    ],
    [
      'dpkg -Ei (clustered flags) and --install, files after --',
      'RUN dpkg -Ei /tmp/a.deb && dpkg --install -- /tmp/b.deb',
      [],
      'RUN (line 2) installs the package file /tmp/a.deb, which only the builder has: the runtime stage cannot install it, and msb cannot tell whether the app needs what it provides',
    ],
    [
      'a release selector is a package, not a file',
      'RUN apt-get install -y curl/bookworm-backports',
      ['curl/bookworm-backports'],
      undefined,
    ],
    [
      'dpkg without --install installs nothing',
      'RUN dpkg -l && apt-get install -y curl',
      ['curl'],
      undefined,
    ],
  ])('%s', (_name, run, runtime, problem) => {
    const result = split(`FROM python:3.11\n${run}\n`);
    expect([result.runtime, result.problem]).toEqual([runtime, problem]);
  });
});

describe('system package split', () => {
  it.each([
    [
      'build tools stay in the builder',
      'RUN apt-get update && apt-get install -y gcc build-essential',
      [],
      ['gcc', 'build-essential'],
    ],
    [
      '-dev headers become runtime libraries',
      'RUN apt-get install -y --no-install-recommends libpq-dev libjpeg-dev',
      ['libpq5', 'libjpeg62-turbo'],
      ['libpq-dev', 'libjpeg-dev'],
    ],
    [
      'runtime tools are kept',
      'RUN apt-get install -y tesseract-ocr poppler-utils ffmpeg libgl1',
      ['tesseract-ocr', 'poppler-utils', 'ffmpeg', 'libgl1'],
      [],
    ],
    ['version pins are dropped', 'RUN apt-get install -y curl=7.88.1-10', ['curl'], []],
    [
      'apk with a virtual group removed later',
      'RUN apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev && pip install x && apk del .build-deps',
      [],
      ['gcc', 'musl-dev', 'postgresql-dev'],
    ],
    [
      'apk -dev maps to apk libraries',
      'RUN apk add postgresql-dev jpeg-dev',
      ['libpq', 'libjpeg-turbo'],
      ['postgresql-dev', 'jpeg-dev'],
    ],
    [
      'purged packages stay in the builder',
      'RUN apt-get install -y curl git && apt-get purge -y git',
      ['curl'],
      ['git'],
    ],
  ])('%s', (_name, run, runtime, buildOnly) => {
    const result = split(`FROM python:3.11\n${run}\n`);
    expect(result.runtime).toEqual(runtime);
    expect(result.buildOnly).toEqual(buildOnly);
  });

  it('keeps an unknown package and says so', () => {
    const result = split('FROM python:3.11\nRUN apt-get install -y some-odd-tool\n');
    expect(result.runtime).toEqual(['some-odd-tool']);
    expect(result.warnings.join()).toMatch(/some-odd-tool/);
  });

  it('keeps an unmapped -dev package with a warning rather than break the app', () => {
    const result = split('FROM python:3.11\nRUN apt-get install -y libfoo-dev\n');
    expect(result.runtime).toEqual(['libfoo-dev']);
    expect(result.warnings.join()).toMatch(/no runtime library is known for libfoo-dev/);
  });

  it('leaves packages from a third-party repository in the builder, with a warning', () => {
    const result = split(
      'FROM python:3.11\nRUN curl -sL https://deb.example/setup | bash -\nRUN apt-get install -y nodejs\n',
    );
    expect(result.runtime).toEqual([]);
    expect(result.warnings.join()).toMatch(/nodejs comes from a repository/);
  });

  it('adds tools the container runs that only the full image had', () => {
    expect(split('FROM python:3.11\n', ['curl']).runtime).toEqual(['curl']);
    expect(split('FROM python:3.11\nRUN apk add gcc\n', ['curl'])).toMatchObject({
      manager: 'apk',
      runtime: ['curl'],
    });
  });

  it('adds nothing for the full image when the runtime is the same image', () => {
    expect(split('FROM python:3.11-slim\n', ['curl'], { slimmer: false }).runtime).toEqual([]);
  });
});

describe('libraries the dependencies load, when the runtime is slimmer than the builder', () => {
  it.each([
    ['lightgbm needs OpenMP', ['lightgbm', 'flask'], ['libgomp1']],
    ['opencv needs glib and GL', ['opencv-python'], ['libglib2.0-0', 'libgl1']],
    ['headless opencv needs glib only', ['opencv-python-headless'], ['libglib2.0-0']],
    ['mysqlclient compiled against MariaDB', ['mysqlclient'], ['libmariadb3']],
    ['psycopg2 from source needs libpq', ['psycopg2'], ['libpq5']],
    ['psycopg2-binary bundles libpq', ['psycopg2-binary'], []],
    ['two dependencies share a library once', ['lightgbm', 'xgboost'], ['libgomp1']],
  ])('%s', (_name, dependencies, runtime) => {
    expect(split('FROM python:3.11\n', [], { dependencies }).runtime).toEqual(runtime);
  });

  it('says which dependency needs the library and why', () => {
    const result = split('FROM python:3.11\n', [], { dependencies: ['lightgbm'] });
    expect(result.decisions).toEqual([
      expect.objectContaining({
        subject: 'lightgbm (a dependency of the app)',
        placement: 'added',
        why: expect.stringMatching(/libgomp\.so\.1.*installs libgomp1/),
      }),
    ]);
  });

  it('adds nothing when the runtime is the same image (the original had no more)', () => {
    expect(
      split('FROM python:3.11-slim\n', [], { dependencies: ['lightgbm'], slimmer: false }).runtime,
    ).toEqual([]);
  });

  it('does not repeat a library the -dev mapping already added', () => {
    expect(
      split('FROM python:3.11\nRUN apt-get install -y libpq-dev\n', [], { dependencies: ['psycopg2'] })
        .runtime,
    ).toEqual(['libpq5']);
  });

  it('gives Prisma openssl on a slim Node image', () => {
    const result = splitPackages([], new Set(), nodeRules, [], {
      image: 'node:20-slim',
      slimmer: true,
      dependencies: ['@prisma/client', 'express'],
      findInCode: () => null,
    });
    expect(result).toMatchObject({ manager: 'apt', runtime: ['openssl'] });
  });
});

describe('library names per Debian release', () => {
  const ldap = 'FROM python:3.6\nRUN apt-get install -y libldap2-dev libsasl2-dev libssl-dev\n';
  it.each([
    ['python:3.6-slim', ['libldap-2.4-2', 'libsasl2-2', 'libssl1.1']],
    ['python:3.11-slim-bullseye', ['libldap-2.4-2', 'libsasl2-2', 'libssl1.1']],
    ['python:3.11-slim-bookworm', ['libldap-2.5-0', 'libsasl2-2', 'libssl3']],
    ['python:3.12-slim', ['libldap2', 'libsasl2-2', 'libssl3t64']],
    ['python:3.8-slim', ['libldap-2.5-0', 'libsasl2-2', 'libssl3']],
    ['registry.example.com/library/python:3.6-slim', ['libldap-2.4-2', 'libsasl2-2', 'libssl1.1']],
  ])('on %s', (image, runtime) => {
    const result = split(ldap, [], { image });
    expect(result.problem).toBeUndefined();
    expect(result.runtime).toEqual(runtime);
  });

  it('skips when the release is unknown and a library is named differently per release', () => {
    expect(split(ldap, [], { image: 'python:3.7-slim' }).problem).toMatch(
      /libldap-2\.5-0, a library named differently on each Debian release.*"python:3\.7-slim"/,
    );
  });

  it('skips when the releases a patch tag may be built on disagree on the name', () => {
    expect(split(ldap, [], { image: 'python:3.9.23-slim' }).problem).toMatch(
      /"python:3\.9\.23-slim" may be built on Debian bookworm, trixie, where it is named libldap-2\.5-0, libldap2/,
    );
  });

  it('needs no release for names every release shares', () => {
    const result = split('FROM python:3.7.9\nRUN apt-get install -y libpq-dev\n', [], {
      image: 'python:3.7.9-slim',
    });
    expect(result).toMatchObject({ runtime: ['libpq5'] });
    expect(result.problem).toBeUndefined();
  });

  it('keeps the names the user wrote', () => {
    expect(
      split('FROM python:3.12\nRUN apt-get install -y libssl3\n', [], { image: 'python:3.12-slim' }).runtime,
    ).toEqual(['libssl3']);
  });

  it('explains a renamed library', () => {
    expect(split(ldap, [], { image: 'python:3.6-slim' }).decisions).toContainEqual(
      expect.objectContaining({
        subject: 'libssl3',
        why: 'named libssl1.1 on Debian bullseye, the release of python:3.6-slim',
      }),
    );
  });
});

describe('git kept by use, not by language', () => {
  const code: Record<string, string> = {
    'bot/help.js': 'const hash = execSync("git rev-parse --short HEAD").toString();',
    'app/version.py': 'import subprocess\nsubprocess.check_output(["git", "describe"])',
    'app/repo.py': 'from git import Repo',
    'app/views.py': 'print("legit")',
  };
  const findIn = (files: string[]) => (pattern: RegExp) => files.find((f) => pattern.test(code[f])) ?? null;
  const gitRun = 'FROM python:3.11\nRUN apt-get install -y git\n';
  it.each([
    [
      'nothing runs it',
      [],
      [],
      'builder',
      /neither the container command nor the application's code runs git/,
    ],
    ['the container runs it', ['git'], [], 'both', /the container runs git/],
    ['JavaScript shells out to it', [], ['bot/help.js'], 'both', /\(bot\/help\.js\)/],
    ['Python runs it with subprocess', [], ['app/version.py'], 'both', /app\/version\.py/],
    ['Python imports GitPython', [], ['app/repo.py'], 'both', /app\/repo\.py/],
    ['a word that only contains git', [], ['app/views.py'], 'builder', /neither/],
  ])('%s', (_name, needed, files, placement, why) => {
    const result = split(gitRun, needed, { findInCode: findIn(files) });
    expect(result.runtime).toEqual(placement === 'both' ? ['git'] : []);
    expect(result.decisions).toEqual([
      expect.objectContaining({ subject: 'git (line 2)', placement, why: expect.stringMatching(why) }),
    ]);
  });
});
