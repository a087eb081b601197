/**
 * The size estimate (src/estimate) and the two gates (src/gates) through convertText, the public
 * interface: each case is a Dockerfile and the estimate or status it must get.
 */
import { convertText } from '../../src';
import { imageSizeMb } from '../../src/estimate/image-sizes';
import { brokenGate } from '../../src/gates/broken-gate';
import { minSavingProblem, parseMinSaving } from '../../src/gates/min-saving';

const pip =
  'WORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n';

describe('imageSizeMb', () => {
  const profile = {
    imageSizes: { 'python:*-slim*': 130, 'python:*-alpine*': 55, 'python:*': 1000, 'gcr.io/distroless/*': 2 },
  };
  it.each([
    ['python:3.11', 1000],
    ['docker.io/library/python:3.11-slim-bookworm', 130],
    ['python', 1000],
    ['python:3.12-alpine@sha256:abc123', 55],
    ['gcr.io/distroless/python3-debian12', 2],
    ['node:20', null],
  ])('%s → %s MB', (image, mb) => {
    expect(imageSizeMb(profile, image)).toBe(mb);
  });
});

describe('the estimate of a conversion', () => {
  it.each<[string, string, { saving: number; basis?: RegExp[] }]>([
    ['full image → slim: the base dominates', `FROM python:3.11\n${pip}`, { saving: 850 }],
    [
      'slim → slim, nothing compiled: only the venv is added',
      `FROM python:3.11-slim\n${pip}`,
      { saving: -20, basis: [/pip and setuptools in the virtual environment/] },
    ],
    [
      'slim with compilers: they stay in the builder, the runtime library is added',
      `FROM python:3.11-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n${pip}`,
      { saving: 80, basis: [/left in the builder: gcc, libpq-dev/, /runtime stage installs: libpq5/] },
    ],
    [
      'compilers over a larger base are not counted (the full image may have them)',
      `FROM python:3.11\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\n${pip}`,
      { saving: 850 },
    ],
    [
      'build deps removed in the same RUN leave nothing behind',
      `FROM python:3.11-alpine\nRUN apk add --no-cache --virtual .b gcc musl-dev && pip install --no-cache-dir x && apk del .b\n${pip}`,
      { saving: -20 },
    ],
    [
      "pip's cache and apt lists stay in the builder",
      `FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n`,
      { saving: 3, basis: [/install caches left in the builder: apt-lists, pip-cache/] },
    ],
  ])('%s', (_name, dockerfile, expected) => {
    const result = convertText(dockerfile, { lang: 'python', force: true });
    expect(result.status).toBe('converted');
    expect(result.estimate?.savingMb).toBe(expected.saving);
    if (result.estimate) {
      const { originalMb, convertedMb, savingMb, basis } = result.estimate;
      expect(originalMb - convertedMb).toBe(savingMb);
      expect(basis.reduce((sum, p) => sum + p.originalMb, 0)).toBe(originalMb);
      expect(basis.reduce((sum, p) => sum + p.convertedMb, 0)).toBe(convertedMb);
    }
    for (const pattern of expected.basis ?? [])
      expect(result.estimate?.basis.map((p) => p.what).join('\n')).toMatch(pattern);
  });

  it('counts a build step only when the runtime stage does not run it too (npm cache of the project install)', () => {
    const result = convertText(
      'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN npm run build\nCMD ["npm", "run", "preview"]\n',
      { lang: 'node', force: true },
    );
    expect(result.estimate?.basis.map((p) => p.what)).toContain(
      "npm's download cache (~/.npm) stays in the builder",
    );
  });
});

describe('the min-saving gate', () => {
  it.each<[string | number, ReturnType<typeof parseMinSaving>]>([
    ['10MB', { unit: 'MB', value: 10 }],
    ['10 mb', { unit: 'MB', value: 10 }],
    ['5%', { unit: '%', value: 5 }],
    ['2.5 %', { unit: '%', value: 2.5 }],
    ['0', { unit: 'MB', value: 0 }],
    [25, { unit: 'MB', value: 25 }],
    ['ten', null],
    ['-5MB', null],
    ['10GB', null],
    [-1, null],
  ])('parses %j', (text, expected) => {
    expect(parseMinSaving(text)).toEqual(expected);
  });

  const estimate = (originalMb: number, convertedMb: number) => ({
    originalMb,
    convertedMb,
    savingMb: originalMb - convertedMb,
    basis: [],
  });
  it.each<[string, ReturnType<typeof estimate>, string, boolean]>([
    ['a saving at the threshold passes', estimate(200, 190), '10MB', true],
    ['a saving below it is skipped', estimate(200, 195), '10MB', false],
    ['a share of the original', estimate(1000, 960), '5%', false],
    ['a share of the original, reached', estimate(1000, 940), '5%', true],
    ['0 still skips an image that would grow', estimate(170, 190), '0', false],
    ['0 still skips an image of the same size', estimate(170, 170), '0', false],
    ['0 passes any real saving', estimate(170, 169), '0', true],
  ])('%s', (_name, figures, threshold, passes) => {
    const problem = minSavingProblem(figures, parseMinSaving(threshold)!);
    if (passes) expect(problem).toBeNull();
    else
      expect(problem).toMatch(
        new RegExp(`^nothing to gain \\(estimated ${figures.originalMb} MB → ${figures.convertedMb} MB`),
      );
  });

  it('skips through convertText, leaves the text as it is and keeps the estimate; --min-saving 0 or force changes that', () => {
    const text = `FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD ["node", "server.js"]\n`;
    const strict = convertText(text, { lang: 'node', minSaving: { unit: 'MB', value: 60 } });
    expect(strict).toMatchObject({ status: 'skipped', output: text, estimate: { savingMb: 50 } });
    expect(strict.reason).toContain('below the minimum saving of 60 MB');
    expect(convertText(text, { lang: 'node', minSaving: { unit: 'MB', value: 0 } }).status).toBe('converted');
    const forced = convertText(text, { lang: 'node', minSaving: { unit: 'MB', value: 60 }, force: true });
    expect(forced.status).toBe('converted');
    expect(forced.warnings.join()).toContain('written with --force although there is nothing to gain');
  });
});

describe('the broken gate', () => {
  const finding = { kind: 'program-missing' as const, message: 'the HEALTHCHECK needs "curl"' };
  it.each<[string, Parameters<typeof brokenGate>, ReturnType<typeof brokenGate>]>([
    ['nothing found: passes without warnings', [[], false], { kind: 'pass', warnings: [] }],
    [
      'a finding: skipped with it as the reason',
      [[finding], false],
      {
        kind: 'skip',
        reason:
          'msb believes the converted image would not work: the HEALTHCHECK needs "curl" (--force writes it anyway)',
      },
    ],
    [
      'forced: passes, the finding becomes a warning',
      [[finding], true],
      {
        kind: 'pass',
        warnings: ['written with --force although it would not work: the HEALTHCHECK needs "curl"'],
      },
    ],
  ])('%s', (_name, args, verdict) => {
    expect(brokenGate(...args)).toEqual(verdict);
  });
});
