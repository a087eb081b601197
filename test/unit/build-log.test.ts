/** The excerpt `msb verify` shows of a failed build (src/verify/build-log.ts), from real log shapes. */
import { buildLog, failureExcerpt } from '../../src/verify/build-log';

const LEGACY_STDOUT = [
  'Sending build context to Docker daemon  4.096kB',
  'Step 1/4 : FROM python:3.11-slim',
  ' ---> 0a1b2c3d4e5f',
  'Step 2/4 : WORKDIR /app',
  ' ---> Using cache',
  'Step 3/4 : RUN pip install --no-cache-dir nope-not-a-package',
  ' ---> Running in 9f8e7d6c5b4a',
  'ERROR: Could not find a version that satisfies the requirement nope-not-a-package (from versions: none)',
  'ERROR: No matching distribution found for nope-not-a-package',
  '',
].join('\n');
const LEGACY_STDERR = [
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
  '            Install the buildx component to build images with BuildKit:',
  '            https://docs.docker.com/go/buildx/',
  '',
  "The command '/bin/sh -c pip install --no-cache-dir nope-not-a-package' returned a non-zero code: 1",
  '',
].join('\n');

const BUILDKIT_STDERR = [
  '#0 building with "default" instance using docker driver',
  '#5 [2/3] RUN pip install nope-not-a-package',
  '#5 1.523 ERROR: No matching distribution found for nope-not-a-package',
  '#5 ERROR: process "/bin/sh -c pip install nope-not-a-package" did not complete successfully: exit code: 1',
  '------',
  ' > [2/3] RUN pip install nope-not-a-package:',
  '1.523 ERROR: No matching distribution found for nope-not-a-package',
  '------',
  'ERROR: failed to solve: process "/bin/sh -c pip install nope-not-a-package" did not complete successfully: exit code: 1',
].join('\n');

describe('build log', () => {
  it('legacy builder: the failing step, its output and the error, without the deprecation banner', () => {
    const log = buildLog(LEGACY_STDOUT, LEGACY_STDERR);
    expect(log).not.toMatch(/DEPRECATED|buildx/);
    expect(failureExcerpt(log)).toBe(
      [
        'Step 3/4 : RUN pip install --no-cache-dir nope-not-a-package',
        ' ---> Running in 9f8e7d6c5b4a',
        'ERROR: Could not find a version that satisfies the requirement nope-not-a-package (from versions: none)',
        'ERROR: No matching distribution found for nope-not-a-package',
        "The command '/bin/sh -c pip install --no-cache-dir nope-not-a-package' returned a non-zero code: 1",
      ].join('\n'),
    );
  });

  it('a long failing step keeps its header and its last lines', () => {
    const noisy = `Step 1/1 : RUN make\n${Array.from({ length: 100 }, (_x, i) => `line ${i}`).join('\n')}\n`;
    const excerpt = failureExcerpt(
      buildLog(noisy, "The command '/bin/sh -c make' returned a non-zero code: 2\n"),
      6,
    ).split('\n');
    expect(excerpt).toEqual([
      'Step 1/1 : RUN make',
      '…',
      'line 97',
      'line 98',
      'line 99',
      "The command '/bin/sh -c make' returned a non-zero code: 2",
    ]);
  });

  it('BuildKit: the last lines of the log', () => {
    expect(failureExcerpt(buildLog('', BUILDKIT_STDERR), 4).split('\n')).toEqual([
      ' > [2/3] RUN pip install nope-not-a-package:',
      '1.523 ERROR: No matching distribution found for nope-not-a-package',
      '------',
      'ERROR: failed to solve: process "/bin/sh -c pip install nope-not-a-package" did not complete successfully: exit code: 1',
    ]);
  });

  it('stderr without a banner is kept whole', () => {
    expect(buildLog('', 'error: x\n  detail\n')).toBe('error: x\n  detail');
  });
});
