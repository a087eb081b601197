import { analyzeStage } from '../../src/analyze/stage-facts';
import { parseDockerfile } from '../../src/parse/parse-dockerfile';
import { findPackageInstalls, splitPackages } from '../../src/plan/system-packages';
import { loadProfiles } from '../../src';

const rules = loadProfiles().find((p) => p.id === 'python')!.packages!;

function split(dockerfile: string, needed: string[] = []) {
  const parsed = parseDockerfile(dockerfile);
  const facts = analyzeStage(parsed, parsed.stages[0]);
  const { installs, removed } = findPackageInstalls(facts.runs);
  return splitPackages(installs, removed, rules, needed);
}

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
});
